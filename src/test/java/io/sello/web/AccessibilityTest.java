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
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every page a person meets (issue 15 §7), signed out and signed in, at desktop and phone sizes: no serious
 * or critical violation, and no page wider than a 360 px phone. Each page is also saved as a screenshot to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class AccessibilityTest {
    private static final int[][] SIZES = {{1280, 900}, {360, 740}};

    @LocalServerPort
    int port;

    private Browser browser;
    private String storedId;

    @BeforeAll
    void start() throws Exception {
        HttpResponse<byte[]> stored = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/documents/poa-execution-form?store=true"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("ana:ana-dev".getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.seedExample()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.statusCode()).isEqualTo(201);
        storedId =
                JsonMapper.builder().build().readTree(stored.body()).get("id").stringValue();
        browser = Browser.start("http://localhost:" + port, 1280, 900);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Visits each page at both sizes; returns "page @ size: violation" for everything wrong. */
    private List<String> check(String who, List<String> pages) {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            browser.resize(size[0], size[1]);
            for (String page : pages) {
                browser.open(page);
                if (!page.startsWith(
                        "/verify/")) { // the verification page is server-rendered and needs no script to read
                    browser.ready();
                }
                String at = who + " " + page + " @ " + size[0];
                browser.seriousAccessibilityViolations().forEach(v -> problems.add(at + ": " + v));
                long width = (Long) browser.script("return document.documentElement.scrollWidth");
                if (width > size[0]) {
                    problems.add(at + ": the page is " + width + " px wide");
                }
                browser.screenshot("a11y-" + who + page.replaceAll("[^a-z0-9]+", "-") + size[0]);
            }
        }
        return problems;
    }

    @Test
    void everyPageHasNoSeriousAccessibilityViolationSignedOutOrIn() {
        List<String> problems = new ArrayList<>(check(
                "anonimo",
                List.of(
                        "/ui/index.html",
                        "/login",
                        "/verify/" + storedId,
                        "/verify/00000000-0000-0000-0000-000000000000",
                        "/ui/tipo.html?tipo=poa-execution-form")));
        browser.resize(1280, 900).signIn("ana", "ana-dev");
        problems.addAll(check(
                "ana",
                List.of(
                        "/ui/index.html",
                        "/ui/documentos.html",
                        "/ui/borradores.html",
                        "/ui/tipo.html?tipo=poa-execution-form",
                        "/ui/tipo.html?tipo=budget-summary",
                        "/ui/tipo.html?tipo=operational-plan",
                        "/ui/tipo.html?tipo=agreement-amendment",
                        "/verify/" + storedId)));
        assertThat(problems).isEmpty();
    }

    /** Presses Tab until the focus is on the element that matches, as a keyboard user moves through a page. */
    private WebElement tabTo(String cssSelector, int maxPresses) {
        return tabToWhere("el.matches('" + cssSelector.replace("'", "\\'") + "')", cssSelector, maxPresses);
    }

    /** @param test a JavaScript expression on {@code el}, the focused element */
    private WebElement tabToWhere(String test, String what, int maxPresses) {
        for (int i = 0; i < maxPresses; i++) {
            WebElement focused = browser.driver().switchTo().activeElement();
            if ((Boolean) browser.script("const el = arguments[0]; return " + test + ";", focused)) {
                return focused;
            }
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError(what + " not reached with " + maxPresses + " presses of Tab");
    }

    /** Sign in, type into the generated form, save a draft and issue it with the keyboard alone (issue 15 §7). */
    @Test
    void theWholeFlowWorksWithTheKeyboardAlone() {
        browser.resize(1280, 900).open("/login");
        browser.driver().manage().deleteAllCookies();
        browser.open("/login?continue=/ui/tipo.html?tipo=budget-summary");
        tabTo("#username", 20).sendKeys("ana");
        tabTo("#password", 3).sendKeys("ana-dev", Keys.ENTER);
        browser.ready();
        browser.script("localStorage.clear();");
        browser.driver().navigate().refresh();
        browser.ready();
        browser.waiter()
                .until(d -> "true".equals(d.findElement(By.id("draft-bar")).getDomAttribute("data-ready")));

        tabTo("#draft-title", 40).sendKeys("Con el teclado");
        tabTo("[data-schemapath='root.title'] input", 60).sendKeys("Resumen tecleado");
        tabTo("#draft-save", 80).sendKeys(Keys.ENTER);
        browser.waiter()
                .until(d -> d.findElement(By.id("draft-status")).getText().startsWith("Guardado a las "));
        assertThat(browser.script("return SelloEditor.getData().title;")).isEqualTo("Resumen tecleado");

        // a row added with the keyboard: the first "Añadir fila" button of the tables list, pressed with Enter
        WebElement add = tabToWhere(
                "el.tagName === 'BUTTON' && (el.closest('[data-schemapath]') || {dataset: {}}).dataset.schemapath === 'root.tables'"
                        + " && /Añadir/.test(el.textContent + ' ' + el.title)",
                "the tables' add button",
                300);
        long before = (Long) browser.script("return (SelloEditor.getData().tables || []).length;");
        add.sendKeys(Keys.ENTER);
        browser.waiter()
                .until(d ->
                        ((Long) browser.script("return (SelloEditor.getData().tables || []).length;")) == before + 1);
    }
}
