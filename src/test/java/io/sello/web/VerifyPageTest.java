package io.sello.web;

import io.sello.support.Browser;
import io.sello.support.Fixtures;
import io.sello.support.SlowTest;
import io.sello.support.Tampering;
import io.sello.support.VeraPdf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, point 5: the page behind the QR code, as a reviewer holding the paper sees it on a phone (360 × 740)
 * and on a desktop. Seed 000 is stored and signed off by ana, luis and rosa over HTTP; the file as it stood after
 * luis's sign-off is kept, to be recognised as an earlier version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SlowTest
class VerifyPageTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String id;
    private Path dir;
    private byte[] unsigned;
    private Path revisado;
    private Path other;
    private Browser browser;

    @BeforeAll
    void storeAndSignOff() throws Exception {
        dir = Files.createTempDirectory("verify-page");
        id = store(Fixtures.seedExample());
        unsigned = send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                .body();
        assertThat(signOff(id, "ana", "ana-dev")).isEqualTo(201);
        assertThat(signOff(id, "luis", "luis-dev")).isEqualTo(201);
        revisado = dir.resolve("revisado.pdf");
        Files.write(
                revisado,
                send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                        .body());
        assertThat(signOff(id, "rosa", "rosa-dev")).isEqualTo(201);
        other = dir.resolve("otro.pdf");
        HttpResponse<byte[]> plan = send(
                "POST",
                "/api/v1/documents/operational-plan",
                Files.readAllBytes(Path.of("examples/operational-plan/small-plan.json")),
                "application/json",
                "ana",
                "ana-dev");
        assertThat(plan.statusCode()).isEqualTo(200);
        Files.write(other, plan.body());
        browser = Browser.start("http://localhost:" + port, 360, 740);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void onAPhoneTheTitleTheStatusAndTheThreeSignersFitTheScreenAndTheUploadTellsSameEarlierAndDifferent()
            throws Exception {
        browser.resize(360, 740).open("/verify/" + id).ready();
        assertThat(((Number) browser.script("return window.innerWidth;")).intValue())
                .isEqualTo(360);
        WebElement title = browser.visible(By.id("titulo"));
        assertThat(title.getText()).isEqualTo("SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO");
        assertThat(browser.visible(By.id("organizacion")).getText())
                .isEqualTo("MINISTERIO DE DESARROLLO PRODUCTIVO Y ECONOMIA PLURAL — SENAVEX");
        assertThat(browser.visible(By.id("referencia")).getText())
                .isEqualTo("FORMULARIO N.5.B · ANTEPROYECTO POA 2020");
        assertThat(browser.visible(By.id("fecha")).getText()).isEqualTo("07/07/2021");
        assertThat(browser.visible(By.id("estado")).getText()).isEqualTo("Aprobado");
        assertThat(browser.driver().findElements(By.id("alerta"))).isEmpty();
        List<WebElement> signers = browser.driver().findElements(By.cssSelector("#firmas .firmante"));
        assertThat(signers)
                .extracting(WebElement::getText)
                .satisfiesExactly(
                        // the development keystore signed all three: intact, but no trusted authority vouches for it
                        // (issue 16)
                        s -> assertThat(s)
                                .contains(
                                        "ELABORADO POR",
                                        "Ana Quispe",
                                        "Técnico de Planificación",
                                        "No concluyente",
                                        "certificado de desarrollo",
                                        "Certificado a nombre de\nSello",
                                        "Nivel\nB-B",
                                        "Sello de tiempo\nsin sello de tiempo")
                                .doesNotContain("Válida", "válida"),
                        s -> assertThat(s)
                                .contains("REVISADO POR", "Luis Mamani", "Jefe de la Unidad de Planificación"),
                        s -> assertThat(s).contains("APROBADO POR", "Rosa Choque", "Directora General Ejecutiva"));
        for (WebElement signer : signers) {
            // a local date and time, dd/mm/aaaa hh:mm; never an ISO instant
            assertThat(signer.findElement(By.className("cuando")).getText())
                    .matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
            assertThat(signer.getRect().getX() + signer.getRect().getWidth())
                    .as("signer within 360 px")
                    .isLessThanOrEqualTo(360);
        }
        assertThat(title.getRect().getX() + title.getRect().getWidth()).isLessThanOrEqualTo(360);
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .as("no horizontal scroll at 360 px")
                .isLessThanOrEqualTo(360);
        String text = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(text)
                .contains(
                        "coincide con el registro",
                        "byte por byte",
                        "Sin cambios después de la última firma",
                        "Código impreso junto al QR",
                        "¿Tiene el archivo? Compruébelo aquí");
        assertThat(text).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T").doesNotContainIgnoringCase("revisión");
        // the JSON every Sello PDF carries (issue 17) is its own data, not an attachment to beware of
        assertThat(text).doesNotContain("archivos adjuntos");
        String renderedSha = JSON.readTree(send("GET", "/api/v1/documents/" + id, null, null, "ana", "ana-dev")
                        .body())
                .get("renderedSha256")
                .stringValue();
        assertThat(browser.visible(By.id("codigo-corto")).getText()).isEqualTo(renderedSha.substring(0, 16));
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("verify-360x740");
        browser.script("document.getElementById('firmas-titulo').scrollIntoView()");
        browser.screenshot("verify-360x740-firmas");
        browser.script("document.getElementById('huella-titulo').scrollIntoView()");
        browser.screenshot("verify-360x740-huella");

        // the download is the registered file; checked back through the upload box it is the same file
        HttpResponse<byte[]> download = send(
                "GET",
                browser.visible(By.id("descargar")).getAttribute("href").replace("http://localhost:" + port, ""),
                null,
                null,
                null,
                null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Path downloaded = dir.resolve("descargado.pdf");
        Files.write(downloaded, download.body());

        assertThat(check(downloaded)).startsWith("Es el mismo archivo.");

        // issue 17: "Descargar datos (JSON)" gives the data the registered (signed) file carries: the registry's input
        WebElement data = browser.visible(By.id("descargar-datos"));
        assertThat(data.getText()).isEqualTo("Descargar datos (JSON)");
        HttpResponse<byte[]> json =
                send("GET", data.getAttribute("href").replace("http://localhost:" + port, ""), null, null, null, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json.headers().firstValue("Content-Disposition").orElseThrow())
                .contains(".json");
        assertThat(json.body()).isEqualTo(Fixtures.seedExample());
        assertThat(jdbc.sql("SELECT input_json FROM documents WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(new String(json.body(), StandardCharsets.UTF_8));
        VeraPdf.assertPdfA3b(download.body());
        browser.script("document.getElementById('comprobar').scrollIntoView()");
        browser.screenshot("verify-360x740-mismo");
        assertThat(check(other)).startsWith("Es un archivo distinto.").contains("no lleva firmas digitales");
        assertThat(browser.visible(By.cssSelector("#resultado .resultado")).getAttribute("class"))
                .contains("resultado-alerta");
        String earlier = check(revisado);
        assertThat(earlier)
                .startsWith("Es una versión anterior de este documento.")
                .contains(
                        "con la firma «Revisado por»",
                        "Después se añadieron las firmas: «Aprobado por»",
                        "Firmas digitales en su archivo: 0 válidas de 2; 2 firmas no concluyentes (certificado de desarrollo).");
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(360);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("verify-360x740-anterior");

        browser.resize(1280, 900).open("/verify/" + id).ready();
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(1280);
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("verify-1280x900");
        browser.resize(360, 740);
    }

    /** The answer the upload box shows for a file, heading first. */
    private String check(Path file) {
        browser.script("document.getElementById('resultado').replaceChildren();");
        browser.driver()
                .findElement(By.id("archivo"))
                .sendKeys(file.toAbsolutePath().toString());
        browser.driver().findElement(By.cssSelector("#comprobar-form button")).click();
        return browser.visible(By.cssSelector("#resultado .resultado[data-match]"))
                .getText();
    }

    @Test
    void withoutJavaScriptTheFormPostAnswersWithThePageAndTheVerdict() throws Exception {
        byte[] pdf =
                send("GET", "/verify/" + id + "/pdf", null, null, null, null).body();
        HttpResponse<byte[]> page = multipart("/verify/" + id + "/check", pdf, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("data-match=\"mismo\"", "Es el mismo archivo.", "Rosa Choque");
        JsonNode answer = JSON.readTree(multipart(
                        "/verify/" + id + "/check", "no es un PDF".getBytes(StandardCharsets.UTF_8), "application/json")
                .body());
        assertThat(answer.get("match").stringValue()).isEqualTo("distinto");
        assertThat(answer.get("details").toString()).contains("No es un PDF que se pueda leer");
        assertThat(multipart("/verify/00000000-0000-0000-0000-000000000000/check", pdf, "application/json")
                        .statusCode())
                .isEqualTo(404);

        // the file as stored, before any signature
        JsonNode stored = JSON.readTree(multipart("/verify/" + id + "/check", unsigned, "application/json")
                .body());
        assertThat(stored.get("match").stringValue()).isEqualTo("anterior");
        assertThat(stored.get("details").toString())
                .contains(
                        "tal como se registró, antes de la primera firma",
                        "«Elaborado por», «Revisado por», «Aprobado por»",
                        "El archivo no lleva firmas digitales.");
        // another stored document's file is a different file, and the answer says which document it is
        String budget = store(
                Files.readAllBytes(Path.of("examples/budget-summary/resumen-subproyectos.json")), "budget-summary");
        JsonNode another = JSON.readTree(multipart("/verify/" + budget + "/check", pdf, "application/json")
                .body());
        assertThat(another.get("match").stringValue()).isEqualTo("distinto");
        assertThat(another.get("details").toString())
                .contains(
                        "Es otro documento del registro: /verify/" + id,
                        "Firmas digitales en su archivo: 0 válidas de 3; 3 firmas no concluyentes (certificado de desarrollo).");
    }

    @Test
    void anUnknownDocumentGetsTheSpanishNotFoundPage() throws Exception {
        for (String unknown : new String[] {"00000000-0000-0000-0000-000000000000", "no-es-un-documento"}) {
            HttpResponse<byte[]> page = send("GET", "/verify/" + unknown, null, null, null, null);
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("No conocemos este documento");
            assertThat(send("GET", "/verify/" + unknown + "/pdf", null, null, null, null)
                            .statusCode())
                    .isEqualTo(404);
        }
        browser.resize(360, 740)
                .open("/verify/00000000-0000-0000-0000-000000000000")
                .ready();
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo("No conocemos este documento");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains("comuníquese con la institución");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("verify-360x740-no-encontrado");
    }

    /** A registered file changed after its last signature: red, first thing on the page, whatever the status. */
    @Test
    void aFileChangedAfterItsLastSignatureIsShownInRedFirst() throws Exception {
        String tampered = store(Fixtures.seedExample());
        assertThat(signOff(tampered, "ana", "ana-dev")).isEqualTo(201);
        byte[] signed = send("GET", "/api/v1/documents/" + tampered + "/pdf", null, null, "ana", "ana-dev")
                .body();

        browser.resize(360, 740).open("/verify/" + tampered).ready();
        assertThat(browser.visible(By.id("estado")).getText()).isEqualTo("Elaborado");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains("Pendiente: Revisado por, Aprobado por.");

        jdbc.sql("UPDATE documents SET pdf = :pdf WHERE id = :id")
                .param("pdf", Tampering.appendPaintOver(signed))
                .param("id", tampered)
                .update();
        browser.open("/verify/" + tampered).ready();
        WebElement alert = browser.visible(By.id("alerta"));
        assertThat(browser.script("return document.querySelector('main').firstElementChild.id;"))
                .isEqualTo("alerta");
        assertThat(alert.getText())
                .contains(
                        "no confíe en este documento",
                        "El archivo fue modificado después de la última firma.",
                        "no coincide con la que anotó el registro");
        assertThat(browser.visible(By.id("estado")).getText()).isEqualTo("No válido");
        assertThat(browser.visible(By.id("estado")).getCssValue("background-color"))
                .isEqualTo("rgba(179, 38, 30, 1)");
        assertThat(browser.seriousAccessibilityViolations()).isEmpty();
        browser.screenshot("verify-360x740-modificado");

        // a byte changed inside what was signed: the signature no longer holds
        jdbc.sql("UPDATE documents SET pdf = :pdf WHERE id = :id")
                .param("pdf", Tampering.flipByteInFirstStream(signed))
                .param("id", tampered)
                .update();
        browser.open("/verify/" + tampered).ready();
        assertThat(browser.visible(By.id("alerta")).getText()).contains("La firma «Elaborado por» no es válida");
        assertThat(browser.visible(By.cssSelector(".firmante .validez")).getText())
                .isEqualTo("No válida la firma no corresponde al contenido");
    }

    /**
     * The download is cheap (stored bytes) but public: callers without an account share the anonymous verification
     * limit, sello.limits.pdf.anonymous-per-minute (30), like POST /api/v1/verify. Last, since it spends this
     * address's tokens.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void anonymousDownloadsAreRateLimited() throws Exception {
        // from 127.0.0.3: the bucket drained is this address's, not that of the other test classes sharing this service
        String last = null;
        for (int i = 0; i < 40 && (last == null || last.startsWith("HTTP/1.1 200")); i++) {
            last = anonymousGetFrom("127.0.0.3", "/verify/" + id + "/pdf");
        }
        assertThat(last)
                .startsWith("HTTP/1.1 429")
                .containsIgnoringCase("Retry-After:")
                .contains("/problems/too-many-verifications");
        // a signed-in caller is not counted here
        assertThat(send("GET", "/verify/" + id + "/pdf", null, null, "luis", "luis-dev")
                        .statusCode())
                .isEqualTo(200);
    }

    /** Names and titles come from the stored request, which anyone with an account wrote: they are printed, never run. */
    @Test
    void whatTheRequestSaysIsEscaped() throws Exception {
        JsonNode summary =
                JSON.readTree(Files.readAllBytes(Path.of("examples/budget-summary/resumen-subproyectos.json")));
        ((ObjectNode) summary).put("title", "<script>alert(1)</script> & \"Cía\"");
        String stored = store(JSON.writeValueAsBytes(summary), "budget-summary");
        String html = new String(
                send("GET", "/verify/" + stored, null, null, null, null).body(), StandardCharsets.UTF_8);
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Cía&quot;")
                .doesNotContain("<script>alert");
        assertThat(html)
                .contains(
                        "<span class=\"insignia insignia-stored\" id=\"estado\">Registrado</span>",
                        "Este documento aún no tiene firmas.");
    }

    private String store(byte[] json) throws Exception {
        return store(json, "poa-execution-form");
    }

    private String store(byte[] json, String type) throws Exception {
        HttpResponse<byte[]> stored =
                send("POST", "/api/v1/documents/" + type + "?store=true", json, "application/json", "ana", "ana-dev");
        assertThat(stored.statusCode())
                .as(new String(stored.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        return JSON.readTree(stored.body()).get("id").stringValue();
    }

    private int signOff(String document, String user, String password) throws Exception {
        return send("POST", "/api/v1/documents/" + document + "/sign-offs", null, null, user, password)
                .statusCode();
    }

    private HttpResponse<byte[]> multipart(String path, byte[] file, String accept) throws Exception {
        String boundary = "sello-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The status line, headers and body (as ISO-8859-1 text) of a GET sent from a loopback address of its own. */
    private String anonymousGetFrom(String address, String path) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(address), 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private HttpResponse<byte[]> send(
            String method, String path, byte[] body, String contentType, String user, String password)
            throws Exception {
        return HttpApiTest.send(client, port, method, path, body, contentType, user, password);
    }
}
