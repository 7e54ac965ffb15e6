package io.sello.web;

import io.sello.support.SlowTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages end to end in Debian's headless Chromium: a preparer loads the example into the data-entry
 * form, finds an error at its field, previews and stores the form; the reviewer and the approver sign it off; anyone opens
 * the public verification page. scripts/test.sh installs chromium and chromium-driver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class StaffUiTest {
    @LocalServerPort
    int port;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void startChromium() {
        assertThat(new File("/usr/bin/chromium"))
                .as("Debian's chromium: run scripts/test.sh, which installs it")
                .exists();
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The page has wired its controls (it sets data-ready on the body when it has). */
    private void ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Signs in on the login page (issue 15: a session, no credentials kept by the pages), coming back to the home page. */
    private void login(String user, String password) {
        browser.get(url("/ui/index.html"));
        ready();
        if (!browser.findElements(By.id("logout")).isEmpty()) {
            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-link")));
        }
        visible(By.id("login-link")).click();
        visible(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        visible(By.id("logout"));
        ready();
    }

    private void signNext(String user, String password, String step) {
        login(user, password);
        browser.get(url("/ui/documentos.html"));
        ready();
        WebElement button = visible(By.xpath("//button[text()='Firmar " + step + "']"));
        button.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Firmado: " + step));
    }

    @Test
    void aFormGoesFromTheDataEntryPageToThreeSignaturesInTheBrowser() {
        browser.get(url("/"));
        assertThat(visible(By.id("type-poa-execution-form")).getText()).contains("Formulario N.5.B");
        assertThat(visible(By.id("types")).getText())
                .contains("Formatos: PDF, Excel (XLSX), CSV")
                .doesNotContain("application/");
        assertThat(browser.getPageSource()).doesNotContain("cdn.", "googleapis", "unpkg");

        login("ana", "ana-dev");
        visible(By.id("type-poa-execution-form")).click();
        ready();
        // the example goes into the form generated from the schema (tipo.html, issue 15), then the server checks it
        browser.findElement(By.cssSelector("#advanced summary")).click();
        visible(By.id("example")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Los datos son válidos."));

        // an impossible date typed into its field: the server's error shows at that field, with its JSON pointer
        WebElement cutOff = visible(By.cssSelector("[data-schemapath='root.header.cutOffDate'] input"));
        cutOff.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        cutOff.sendKeys("30/02/2021", Keys.TAB);
        visible(By.cssSelector(
                "[data-schemapath='root.header.cutOffDate'] .sello-msg[data-pointer='/header/cutOffDate']"));
        assertThat(browser.findElement(By.id("summary")).getText()).contains("Encabezado › Fecha de Corte");

        cutOff.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        cutOff.sendKeys("07/07/2021", Keys.TAB);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Los datos son válidos."));
        browser.findElement(By.id("preview")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Vista previa lista"));
        assertThat(browser.findElement(By.id("pdf")).getAttribute("src")).startsWith("blob:");
        browser.findElement(By.id("store")).click();
        String id = visible(By.id("stored-link")).getText();

        browser.get(url("/ui/documentos.html"));
        ready();
        WebElement row = visible(By.id("doc-" + id));
        assertThat(row.findElement(By.className("doc-status")).getText()).isEqualTo("Registrado");
        assertThat(row.getText())
                .contains("Formulario N.5.B — Seguimiento a la Ejecución Financiera (POA)")
                .doesNotContain("poa-execution-form");
        row.findElement(By.xpath(".//button[text()='Firmar ELABORADO']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Firmado: ELABORADO"));

        signNext("luis", "luis-dev", "REVISADO");
        signNext("rosa", "rosa-dev", "APROBADO");
        // The page shows "Firmado: …" first and then reloads the list: wait for the reload, then check the row.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#doc-" + id + " .doc-status"), "Aprobado"));
        assertThat(visible(By.id("doc-" + id))
                        .findElement(By.className("doc-status"))
                        .getText())
                .isEqualTo("Aprobado");
        // issue 16: with the default configuration nobody has a key of their own, so each step is the service seal
        assertThat(visible(By.id("doc-" + id))
                        .findElement(By.className("doc-signoffs"))
                        .getText())
                .isEqualTo(
                        "ELABORADO: Ana Quispe (sello del servicio); REVISADO: Luis Mamani (sello del servicio); APROBADO: Rosa Choque (sello del servicio)");

        // the public page behind the QR code, without logging in
        browser.findElement(By.id("logout")).click();
        // sign-out is a POST and then a move to the home page: wait for it, or that move lands after the next page
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-link")));
        browser.get(url("/verify/" + id));
        assertThat(visible(By.tagName("body")).getText())
                .contains(
                        "coincide con el registro",
                        "Ana Quispe",
                        "Luis Mamani",
                        "Rosa Choque",
                        "Sin cambios después de la última firma");
    }
}
