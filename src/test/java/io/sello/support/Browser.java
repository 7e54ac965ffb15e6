package io.sello.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium, driven by Selenium, for the page tests (scripts/test.sh installs chromium and
 * chromium-driver). The flags are those that keep Chromium off this machine's closed network. One per test class:
 * {@code try (Browser browser = Browser.start(1280, 900)) { … }} or a field closed in {@code @AfterAll}.
 */
public final class Browser implements AutoCloseable {
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        // A page that navigates while a condition reads it (sign-in redirects to the page it came from) leaves the
        // element found a moment before stale: the next poll finds the new page's, instead of failing the wait.
        this.wait = (WebDriverWait)
                new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
        this.base = base;
    }

    /** @param base the service, e.g. {@code http://localhost:8080} */
    public static Browser start(String base, int width, int height) {
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
                        "--lang=es-BO",
                        "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), base);
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait waiter() {
        return wait;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Headless Chromium's window size is the viewport's outer size; this sets the CSS viewport itself. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** The page has wired its controls: every page sets {@code data-ready="true"} on its body when it has. */
    public Browser ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return this;
    }

    public WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A PNG of the viewport, in target/screenshots/, for a person to look at. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes at {@code url}, fetched by the page itself, so with its session cookie as a person's download is. */
    public byte[] fetch(String url) {
        Object base64 = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                                + " let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });",
                        url);
        return Base64.getDecoder().decode((String) base64);
    }

    /**
     * Runs axe-core (the WebJar, a test dependency: pages never load it) on the current page and returns its
     * serious and critical violations, each as "rule-id: selector, …", so that a failing assertion says what to fix.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        script(axeSource());
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))).catch(e => done(['axe failed: ' + e]));");
        return (List<String>) result;
    }

    private static String axeSource() {
        try (InputStream in =
                Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("the axe-core WebJar, a test dependency").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Signs in on the login page as a person does, as {@code user} (any earlier session is dropped first), and lands
     * on the staff home page.
     */
    public Browser signIn(String user, String password) {
        open("/login");
        driver.manage().deleteAllCookies();
        open("/login?continue=/ui/index.html");
        visible(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        ready();
        visible(By.id("logout"));
        return this;
    }

    /** For pages that ask: {@code localStorage} and cookies of this origin are cleared, as for a new person. */
    public Browser forget() {
        open("/");
        script("localStorage.clear(); sessionStorage.clear();");
        driver.manage().deleteAllCookies();
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
