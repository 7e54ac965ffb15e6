package io.sello.web;

import io.sello.support.Browser;
import io.sello.support.Fixtures;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drafts in the browser (issue 15, point 3), on the data-entry page through drafts.js and on
 * "Mis borradores": save and reopen, two tabs saving one draft, the list, starting from a registered
 * document, issuing, and what was typed surviving a reload without a save.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class DraftsPageTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start("http://localhost:" + port, 1280, 900);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSavedDraftComesBackAfterAReloadAndUnsavedTypingIsRecovered() {
        login("ana");
        openEditor("/ui/tipo.html?tipo=budget-summary");
        type("root.title", "primera versión");
        type("root.subtitle", "En bolivianos");
        title("Cuadro de prueba");
        save();
        String url = browser.driver().getCurrentUrl();
        assertThat(url).contains("borrador=");

        browser.driver().navigate().refresh();
        browser.ready();
        barReady();
        assertThat(data()).contains("\"title\":\"primera versión\"", "\"subtitle\":\"En bolivianos\"");
        assertThat(browser.driver().findElement(By.id("draft-title")).getDomProperty("value"))
                .isEqualTo("Cuadro de prueba");
        assertThat(status()).startsWith("Borrador guardado el ");

        // the connection drops: the save fails, what was typed stays in this browser, and survives a reload
        browser.script("window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
        type("root.title", "sin guardar");
        browser.driver().findElement(By.id("draft-save")).click();
        browser.waiter().until(d -> status().startsWith("Sin conexión: sus cambios se conservan en este navegador"));
        browser.driver().navigate().refresh();
        browser.ready();
        barReady();
        assertThat(browser.visible(By.id("draft-notice")).getText()).startsWith("Se recuperaron cambios no guardados");
        assertThat(data()).contains("\"title\":\"sin guardar\"");
        browser.screenshot("drafts-recovered-1280");
        save();
        assertThat(browser.driver().findElement(By.id("draft-notice")).getText())
                .isEmpty();
        assertThat(browser.script(
                        "return Object.keys(localStorage).filter(k => k.startsWith('sello.borrador.')).length"))
                .isEqualTo(0L);
        browser.driver().navigate().refresh();
        browser.ready();
        barReady();
        assertThat(browser.driver().findElement(By.id("draft-notice")).getText())
                .isEmpty();
        assertThat(data()).contains("\"title\":\"sin guardar\"");
    }

    @Test
    void twoTabsSavingOneDraftKeepBothVersions() throws Exception {
        login("ana");
        openEditor("/ui/tipo.html?tipo=budget-summary");
        type("root.title", "original");
        title("Plan compartido");
        save();
        String page = browser.driver().getCurrentUrl();
        String draftId = page.substring(page.indexOf("borrador=") + "borrador=".length());
        String first = browser.driver().getWindowHandle();

        browser.driver().switchTo().newWindow(WindowType.TAB);
        login("ana");
        browser.driver().get(page);
        browser.ready();
        barReady();
        type("root.title", "segunda");
        save();

        browser.driver().switchTo().window(first);
        type("root.title", "primera");
        browser.driver().findElement(By.id("draft-save")).click();
        WebElement notice = browser.visible(By.id("draft-notice"));
        assertThat(notice.getText())
                .contains("Otra pestaña o persona guardó este borrador después de que usted lo abrió");
        browser.screenshot("drafts-conflict-1280");
        browser.driver().findElement(By.id("draft-save-copy")).click();
        browser.waiter().until(d -> status().startsWith("Guardado como copia"));

        // the other tab's save is the draft; this tab's is a new draft titled as a copy: nothing was lost
        assertThat(draftData(draftId).get("title").stringValue()).isEqualTo("segunda");
        String copyUrl = browser.driver().getCurrentUrl();
        String copyId = copyUrl.substring(copyUrl.indexOf("borrador=") + "borrador=".length());
        assertThat(copyId).isNotEqualTo(draftId);
        assertThat(draftData(copyId).get("title").stringValue()).isEqualTo("primera");
        assertThat(draft(copyId).get("title").stringValue()).isEqualTo("Copia de Plan compartido");

        for (String handle : browser.driver().getWindowHandles()) {
            if (!handle.equals(first)) {
                browser.driver().switchTo().window(handle).close();
            }
        }
        browser.driver().switchTo().window(first);
    }

    @Test
    void myDraftsListsOpensAndDeletes() throws Exception {
        login("ana");
        String id = createDraft(
                "{\"type\": \"budget-summary\", \"title\": \"Para la lista\", \"data\": {\"title\": \"en la lista\"}}");
        browser.open("/ui/borradores.html").ready();
        WebElement row = browser.visible(By.id("draft-" + id));
        assertThat(row.getText()).contains("Para la lista").containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isNotEqualTo("budget-summary").isNotBlank(); // the type's title, not its id
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("drafts-list-1280");
        browser.resize(360, 740);
        browser.screenshot("drafts-list-360");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(360L);
        browser.resize(1280, 900);

        row.findElement(By.className("open")).click();
        browser.ready();
        barReady();
        assertThat(data()).contains("\"title\":\"en la lista\"");
        assertThat(browser.driver().getCurrentUrl()).contains("tipo=budget-summary", "borrador=" + id);

        // "Nuevo a partir de este": the draft's data in a new, unsaved document
        browser.open("/ui/borradores.html").ready();
        browser.visible(By.id("draft-" + id))
                .findElement(By.className("new-from"))
                .click();
        browser.ready();
        barReady();
        assertThat(browser.driver().getCurrentUrl())
                .contains("desde=borrador:" + id)
                .doesNotContain("borrador=" + id);
        assertThat(data()).contains("\"title\":\"en la lista\"");
        assertThat(browser.driver().findElement(By.id("draft-title")).getDomProperty("value"))
                .isEqualTo("Copia de Para la lista");
        save();
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(id);

        browser.open("/ui/borradores.html").ready();
        browser.visible(By.id("draft-" + id))
                .findElement(By.className("delete"))
                .click();
        browser.waiter().until(ExpectedConditions.alertIsPresent()).accept();
        browser.waiter().until(ExpectedConditions.invisibilityOfElementLocated(By.id("draft-" + id)));
        assertThat(send("GET", "/api/v1/drafts/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void newFromARegisteredDocumentLoadsItsDataAndIssuesANewDocument() throws Exception {
        HttpResponse<byte[]> stored =
                send("POST", "/api/v1/documents/poa-execution-form?store=true", Fixtures.seedExample());
        assertThat(stored.statusCode()).isEqualTo(201);
        JsonNode document = JSON.readTree(stored.body());
        String documentId = document.get("id").stringValue();
        login("ana");
        browser.open("/ui/documentos.html").ready();
        browser.visible(By.id("doc-" + documentId))
                .findElement(By.className("new-from"))
                .click();
        browser.ready();
        barReady();
        assertThat(browser.driver().getCurrentUrl()).contains("desde=documento:" + documentId);
        assertThat(data()).contains("SENAVEX");
        assertThat(browser.driver().findElement(By.id("draft-title")).getDomProperty("value"))
                .isEqualTo("Copia de " + document.get("fileName").stringValue());
        assertThat(status()).contains("Aún no está guardado");

        browser.driver().findElement(By.id("draft-issue")).click();
        WebElement pdfLink = browser.visible(By.id("issued-pdf"));
        assertThat(status()).isEqualTo("Documento emitido y guardado en el registro.");
        browser.screenshot("drafts-issued-1280");
        // the PDF of the new document, fetched as the page's link does
        byte[] pdf = browser.fetch(pdfLink.getDomProperty("href"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String newId = pdfLink.getDomProperty("href").replaceAll(".*/documents/([^/]+)/pdf", "$1");
        assertThat(newId).isNotEqualTo(documentId);
        assertThat(JSON.readTree(send("GET", "/api/v1/documents/" + newId, null).body())
                        .get("createdBy")
                        .stringValue())
                .isEqualTo("ana");
    }

    private void login(String user) {
        browser.resize(1280, 900);
        browser.signIn(user, user + "-dev");
    }

    private void openEditor(String path) {
        browser.open(path).ready();
        barReady();
    }

    private void barReady() {
        browser.waiter()
                .until(d -> "true".equals(d.findElement(By.id("draft-bar")).getDomAttribute("data-ready")));
    }

    /** Types into the generated form's field at json-editor path {@code root.title}, then Tab, as a person does. */
    private void type(String path, String text) {
        String box = "[data-schemapath='" + path + "']";
        WebElement input = browser.visible(By.cssSelector(box + " input:not([type=hidden])"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    private void title(String text) {
        WebElement title = browser.driver().findElement(By.id("draft-title"));
        title.clear();
        title.sendKeys(text);
    }

    private void save() {
        browser.driver().findElement(By.id("draft-save")).click();
        browser.waiter().until(d -> status().startsWith("Guardado a las "));
    }

    private String status() {
        return browser.driver().findElement(By.id("draft-status")).getText();
    }

    /** What the editor would send, as JSON text. */
    private String data() {
        return (String) browser.script("return JSON.stringify(SelloEditor.getData());");
    }

    private String createDraft(String body) throws Exception {
        HttpResponse<byte[]> created = send("POST", "/api/v1/drafts", body.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").stringValue();
    }

    private JsonNode draft(String id) throws Exception {
        HttpResponse<byte[]> response = send("GET", "/api/v1/drafts/" + id, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode draftData(String id) throws Exception {
        return draft(id).get("data");
    }

    /** As ana, over HTTP. */
    private HttpResponse<byte[]> send(String method, String path, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", HttpApiTest.basic("ana", "ana-dev"));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
