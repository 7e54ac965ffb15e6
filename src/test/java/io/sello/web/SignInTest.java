package io.sello.web;

import io.sello.support.Browser;
import io.sello.support.Fixtures;
import io.sello.support.IdentityProvider;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 point 4: people sign in on the login page or through the organisation's identity provider and
 * hold a session (HttpOnly, SameSite cookie; CSRF token on every state-changing call made with it);
 * systems keep HTTP Basic and API keys, stateless and without CSRF. The identity provider is a real
 * OpenID Connect server, Spring Authorization Server ({@link IdentityProvider}), on {@code localhost};
 * Sello is addressed as {@code 127.0.0.1}, so that the browser keeps the two services' cookies apart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SlowTest
class SignInTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final IdentityProvider PROVIDER = IdentityProvider.start();
    private static final String PROVIDER_NAME = "Identidad SENAVEX";
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("sello.security.oidc.enabled", () -> "true");
        registry.add("sello.security.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("sello.security.oidc.client-id", () -> IdentityProvider.CLIENT_ID);
        registry.add("sello.security.oidc.client-secret", () -> IdentityProvider.CLIENT_SECRET);
        registry.add("sello.security.oidc.provider-name", () -> PROVIDER_NAME);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    // ------------------------------------------------------------------ the login page, in Chromium

    @Test
    void aPersonSignsInOnTheLoginPageUsesThePagesAndSignsOut() {
        try (Browser browser = Browser.start(base(), 1280, 900)) {
            browser.open("/login").ready();
            assertThat(browser.driver().getTitle()).isEqualTo("Sello · Entrar");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("label[for=username]"))
                            .getText())
                    .isEqualTo("Usuario");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("label[for=password]"))
                            .getText())
                    .isEqualTo("Contraseña");
            assertThat(browser.driver().findElement(By.id("login")).getText()).isEqualTo("Entrar");
            assertThat(browser.driver().findElement(By.id("oidc")).getText()).isEqualTo("Entrar con " + PROVIDER_NAME);
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.screenshot("login-1280x900");

            // from the register page, not signed in: "Entrar" leads to the login page and back
            browser.open("/ui/documentos.html");
            browser.visible(By.id("login-link")).click();
            browser.visible(By.id("username")).sendKeys("ana");
            browser.driver().findElement(By.id("password")).sendKeys("not-her-password");
            browser.driver().findElement(By.id("login")).click();
            assertThat(browser.visible(By.id("login-error")).getText()).isEqualTo("Usuario o contraseña incorrectos");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.screenshot("login-error-1280x900");

            // clear first: Chromium may have filled the form in again from the attempt before
            browser.visible(By.id("username")).clear();
            browser.driver().findElement(By.id("username")).sendKeys("ana");
            browser.driver().findElement(By.id("password")).clear();
            browser.driver().findElement(By.id("password")).sendKeys("ana-dev");
            browser.driver().findElement(By.id("login")).click();
            // back where the person came from (the login page is "ready" too: wait for the address, then the page)
            browser.waiter().until(d -> d.getCurrentUrl().equals(base() + "/ui/documentos.html"));
            browser.ready();
            assertThat(browser.visible(By.id("who")).getText()).contains("Ana Quispe (PREPARER)");
            // the session cookie is out of the scripts' reach; the CSRF token is meant for them
            assertThat((String) browser.script("return document.cookie"))
                    .contains("XSRF-TOKEN=")
                    .doesNotContain("SELLO_SESSION");
            assertThat(browser.driver().manage().getCookieNamed("SELLO_SESSION").isHttpOnly())
                    .isTrue();
            assertThat(browser.driver().manage().getCookieNamed("SELLO_SESSION").getSameSite())
                    .isEqualTo("Lax");

            // a state-changing call through the pages' Sello.call carries the token: the document is stored
            String id = storeThroughThePage(browser);
            browser.open("/ui/documentos.html").ready();
            browser.visible(By.xpath("//tr[@id='doc-" + id + "']//button[text()='Firmar ELABORADO']"))
                    .click();
            browser.waiter()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Firmado: ELABORADO"));

            browser.visible(By.id("logout")).click();
            browser.waiter().until(d -> d.getCurrentUrl().equals(base() + "/ui/index.html"));
            browser.ready();
            assertThat(browser.visible(By.id("login-link")).getText()).isEqualTo("Entrar");
            assertThat(browser.driver().manage().getCookieNamed("SELLO_SESSION"))
                    .isNull();

            browser.resize(360, 740).open("/login").ready();
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .isTrue();
            browser.screenshot("login-360x740");
        }
    }

    /** Stores seed-like data through the page's own {@code Sello.call} (a POST with the session), returning the document id. */
    private static String storeThroughThePage(Browser browser) {
        Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                Sello.call('/api/v1/documents/poa-execution-form?store=true', { method: 'POST',
                    headers: { 'Content-Type': 'application/json' }, body: arguments[0] })
                  .then(r => r.json().then(b => done(r.status + ' ' + (b.id || JSON.stringify(b)))))
                  .catch(e => done('failed ' + e));
                """, Fixtures.smallForm());
        assertThat((String) result).startsWith("201 ");
        return ((String) result).substring(4);
    }

    // ------------------------------------------------------------------ the organisation's identity provider

    @Test
    void aPersonSignsInThroughTheIdentityProviderAndSignsOffWithTheNameFromTheToken() {
        try (Browser browser = Browser.start(base(), 1280, 900)) {
            browser.open("/login?continue=/ui/documentos.html").ready();
            browser.visible(By.id("oidc")).click();
            // the provider's own login form, on the other host
            browser.visible(By.id("username")).sendKeys(IdentityProvider.USER);
            assertThat(browser.driver().getCurrentUrl()).startsWith(PROVIDER.issuer() + "/login");
            browser.driver().findElement(By.id("password")).sendKeys(IdentityProvider.PASSWORD);
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

            browser.waiter().until(d -> d.getCurrentUrl().equals(base() + "/ui/documentos.html"));
            browser.ready();
            assertThat(browser.visible(By.id("who")).getText()).contains(IdentityProvider.NAME + " (PREPARER)");
            JsonNode me = JSON.readTree((String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    Sello.call('/api/v1/me').then(r => r.text()).then(done);"""));
            assertThat(me.get("username").stringValue()).isEqualTo(IdentityProvider.USER);
            assertThat(me.get("name").stringValue()).isEqualTo(IdentityProvider.NAME);
            assertThat(me.get("position").stringValue()).isEqualTo(IdentityProvider.POSITION);
            assertThat(me.get("roles").toString()).isEqualTo("[\"PREPARER\"]");

            String id = storeThroughThePage(browser);
            browser.open("/ui/documentos.html").ready();
            browser.visible(By.xpath("//tr[@id='doc-" + id + "']//button[text()='Firmar ELABORADO']"))
                    .click();
            browser.waiter()
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Firmado: ELABORADO"));
            browser.waiter()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("doc-" + id), "ELABORADO: " + IdentityProvider.NAME));
        }
    }

    @Test
    void aPersonWithoutASelloRoleAtTheProviderIsTurnedAwayInSpanish() {
        try (Browser browser = Browser.start(base(), 1280, 900)) {
            browser.open("/login").ready();
            browser.visible(By.id("oidc")).click();
            browser.visible(By.id("username")).sendKeys(IdentityProvider.NO_ROLE_USER);
            browser.driver().findElement(By.id("password")).sendKeys(IdentityProvider.PASSWORD);
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.visible(By.id("login-error")).getText())
                    .isEqualTo("Su cuenta de " + PROVIDER_NAME
                            + " no tiene ningún rol en Sello. Pida uno a quien administra las cuentas.");
            assertThat(signedIn(browser)).as("not signed in").isFalse();
        }
    }

    private static boolean signedIn(Browser browser) {
        String me = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/me').then(r => r.text()).then(done);""");
        return !me.contains("\"anonymous\"");
    }

    // ------------------------------------------------------------------ cookies and CSRF, on the wire

    /** The cookies a browser would hold, by name. */
    private final Map<String, String> jar = new LinkedHashMap<>();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (!jar.isEmpty()) {
            request.header(
                    "Cookie",
                    String.join(
                            "; ",
                            jar.entrySet().stream()
                                    .map(e -> e.getKey() + "=" + e.getValue())
                                    .toList()));
        }
        HttpResponse<String> response =
                client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path));
    }

    private static HttpRequest.BodyPublisher form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    /** Opens the login page as a browser does and posts it; answers the POST's response. */
    private HttpResponse<String> formLogin(String user, String password, String accept) throws Exception {
        HttpResponse<String> page = send(request("/login").header("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("the login form carries the CSRF token").isTrue();
        return send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .POST(form("username", user, "password", password, "_csrf", token.group(1))));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndAStateChangingCallWithItNeedsTheCsrfToken() throws Exception {
        HttpResponse<String> login = formLogin("ana", "ana-dev", "text/html");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue(base() + "/ui/index.html");
        String session = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SELLO_SESSION="))
                .findFirst()
                .orElseThrow();
        assertThat(session).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");

        String body = Fixtures.smallForm();
        HttpRequest.Builder validate = request("/api/v1/documents/poa-execution-form/validate")
                .header("Content-Type", "application/json")
                .header("X-Requested-With", "sello-ui")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        // signing in replaced the token: the login page's token is gone, and without one the call is refused
        jar.remove("XSRF-TOKEN");
        HttpResponse<String> refused = send(validate);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/csrf-token-missing");
        assertThat(problem.get("detail").stringValue()).startsWith("Falta el token de seguridad de la sesión (CSRF)");
        // that refusal (a page's call) left the new token in its cookie, as any page call does
        String token = jar.get("XSRF-TOKEN");
        assertThat(token).isNotBlank();
        HttpResponse<String> wrong = send(request("/api/v1/documents/poa-execution-form/validate")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", "not-" + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(wrong.statusCode()).isEqualTo(403);

        HttpResponse<String> accepted = send(request("/api/v1/documents/poa-execution-form/validate")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("valid").booleanValue()).isTrue();
        HttpResponse<String> me = send(request("/api/v1/me"));
        assertThat(JSON.readTree(me.body()).get("name").stringValue()).isEqualTo("Ana Quispe");

        // sign-out is a POST with the token too; then the session is gone
        assertThat(send(request("/logout").POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> logout = send(request("/logout")
                .header("X-XSRF-TOKEN", jar.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(base() + "/");
        assertThat(jar).doesNotContainKey("SELLO_SESSION");
        assertThat(JSON.readTree(send(request("/api/v1/me")).body())
                        .get("username")
                        .stringValue())
                .isEqualTo("anonymous");
    }

    @Test
    void systemsPostWithBasicOrAnApiKeyWithoutCsrfAndGetNoCookie() throws Exception {
        String body = Fixtures.smallForm();
        for (String[] credentials : List.of(
                new String[] {"Authorization", HttpApiTest.basic("ana", "ana-dev")},
                new String[] {"X-Api-Key", "dev-api-key-not-for-production"})) {
            // even with a stale session cookie alongside: the credentials decide, and no session is made or read
            HttpResponse<String> response = client.send(
                    request("/api/v1/documents/poa-execution-form/validate")
                            .header("Content-Type", "application/json")
                            .header(credentials[0], credentials[1])
                            .header("Cookie", "SELLO_SESSION=0123456789ABCDEF")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(credentials[0]).isEqualTo(200);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .as(credentials[0])
                    .isEmpty();
            HttpResponse<String> stored = client.send(
                    request("/api/v1/documents/poa-execution-form?store=true")
                            .header("Content-Type", "application/json")
                            .header(credentials[0], credentials[1])
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stored.statusCode()).as(credentials[0]).isEqualTo(201);
            assertThat(stored.headers().allValues("Set-Cookie"))
                    .as(credentials[0])
                    .isEmpty();
        }
        // the API's 401 stays problem+json; a browser opening a protected address is sent to the login page
        HttpResponse<String> anonymous =
                client.send(request("/api/v1/documents").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> navigation = client.send(
                request("/api/v1/documents").header("Accept", "text/html,*/*").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(navigation.statusCode()).isEqualTo(302);
        assertThat(navigation.headers().firstValue("Location")).hasValue(base() + "/login");
        // a page is public and an anonymous check of a PDF needs no token either
        assertThat(client.send(request("/login").build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        // the browser's tab icon too: every page asks for it before anyone signs in
        HttpResponse<byte[]> icon =
                client.send(request("/favicon.ico").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0); // an ICO file's header: reserved 0, type 1 (icon)
    }

    @Test
    void failedFormLoginsAreThrottledLikeBasicOnes() throws Exception {
        String user = "luis";
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> failed = formLogin(user, "guess-" + i, "text/html");
            assertThat(failed.statusCode()).as("failure %d", i).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location")).hasValue(base() + "/login?error=error");
        }
        HttpResponse<String> held = formLogin(user, "luis-dev", "application/json");
        assertThat(held.statusCode()).as("held back, the right password too").isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(JSON.readTree(held.body()).get("type").stringValue()).isEqualTo("/problems/too-many-failed-logins");
        HttpResponse<String> page = formLogin(user, "luis-dev", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("Demasiados intentos fallidos", "Espere");
        // Basic counts for the same user name: the form's failures hold it back there too
        HttpResponse<String> basic = client.send(
                request("/api/v1/me")
                        .header("Authorization", HttpApiTest.basic(user, "luis-dev"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(429);

        HttpResponse<String> audit = client.send(
                request("/api/v1/audit?limit=1000")
                        .header("Authorization", HttpApiTest.basic("admin", "admin-dev"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(audit.body()).contains("failed sign-in by login form from 127.0.0.1");
        Optional<String> cookie =
                jar.keySet().stream().filter("SELLO_SESSION"::equals).findFirst();
        assertThat(cookie).as("no session for failed sign-ins").isEmpty();
    }
}
