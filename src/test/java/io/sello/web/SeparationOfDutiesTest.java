package io.sello.web;

import io.sello.signing.Keystores;
import io.sello.support.Browser;
import io.sello.support.Fixtures;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 1, over HTTP: a user who holds the three roles (pilar) takes one step per document, and a
 * second one is a 409 that names the rule; each sign-off says whether it is a personal signature (luis has a
 * keystore of his own here) or the service seal, in the API, the verification page and the list; an API key
 * (a system) gets the seal. Users as in application.properties, plus pilar (a list is replaced as a whole).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sello.security.users[0].username=ana",
            "sello.security.users[0].password={noop}ana-dev",
            "sello.security.users[0].roles=PREPARER",
            "sello.security.users[0].name=Ana Quispe",
            "sello.security.users[0].position=Técnico de Planificación",
            "sello.security.users[1].username=luis",
            "sello.security.users[1].password={noop}luis-dev",
            "sello.security.users[1].roles=REVIEWER",
            "sello.security.users[1].name=Luis Mamani",
            "sello.security.users[1].position=Jefe de la Unidad de Planificación",
            "sello.security.users[2].username=rosa",
            "sello.security.users[2].password={noop}rosa-dev",
            "sello.security.users[2].roles=APPROVER",
            "sello.security.users[2].name=Rosa Choque",
            "sello.security.users[2].position=Directora General Ejecutiva",
            "sello.security.users[3].username=admin",
            "sello.security.users[3].password={noop}admin-dev",
            "sello.security.users[3].roles=ADMIN",
            "sello.security.users[3].name=Administrador Sello",
            "sello.security.users[4].username=pilar",
            "sello.security.users[4].password={noop}pilar-dev",
            "sello.security.users[4].roles=PREPARER,REVIEWER,APPROVER",
            "sello.security.users[4].name=Pilar Vargas",
            "sello.security.users[4].position=Responsable Administrativa"
        })
@SlowTest
class SeparationOfDutiesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API_KEY = "dev-api-key-not-for-production"; // sistema-poa, PREPARER
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    /** Luis signs with a keystore of his own: a personal signature. The others have none: the service seal. */
    @DynamicPropertySource
    static void luisKeystore(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("duties-keys");
        Path luis = dir.resolve("luis.p12");
        Keystores.generateDevelopment(luis, "luis-secret".toCharArray(), "Luis Mamani");
        registry.add("sello.signing.signers.luis.keystore", luis::toString);
        registry.add("sello.signing.signers.luis.password", () -> "luis-secret");
    }

    @Test
    void oneUserWithTheThreeRolesTakesOneStepAndTheSecondIsA409NamingTheRule() throws Exception {
        String id = store("pilar", "pilar-dev");
        HttpResponse<byte[]> first = signOff(id, "ELABORADO", "pilar", "pilar-dev");
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode before = JSON.readTree(send("GET", "/api/v1/documents/" + id, null, null, "pilar", "pilar-dev")
                .body());

        HttpResponse<byte[]> second = signOff(id, "REVISADO", "pilar", "pilar-dev");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode problem = JSON.readTree(second.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/separation-of-duties");
        assertThat(problem.get("status").intValue()).isEqualTo(409);
        assertThat(problem.get("detail").stringValue())
                .isEqualTo("Separación de funciones: Pilar Vargas (pilar) ya firmó el paso"
                        + " ELABORADO de este documento; el paso REVISADO debe firmarlo otra persona.");

        JsonNode after = JSON.readTree(send("GET", "/api/v1/documents/" + id, null, null, "pilar", "pilar-dev")
                .body());
        assertThat(after).as("the registry is unchanged").isEqualTo(before);
        assertThat(after.get("status").stringValue()).isEqualTo("ELABORADO");
        assertThat(after.get("nextStep").stringValue()).isEqualTo("REVISADO");
        assertThat(audit(id)).containsSubsequence("pilar sign-off ok", "pilar sign-off refused");

        // someone else may take the step
        assertThat(signOff(id, "REVISADO", "luis", "luis-dev").statusCode()).isEqualTo(201);
    }

    @Test
    void eachSignOffSaysWhetherItIsAPersonalSignatureOrTheServiceSeal() throws Exception {
        String id = store("ana", "ana-dev");
        assertThat(signOff(id, "ELABORADO", "ana", "ana-dev").statusCode()).isEqualTo(201);
        assertThat(signOff(id, "REVISADO", "luis", "luis-dev").statusCode()).isEqualTo(201);
        HttpResponse<byte[]> approved = signOff(id, "APROBADO", "rosa", "rosa-dev");
        assertThat(approved.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(approved.body()).get("signOffs"))
                .extracting(s -> s.get("step").stringValue() + " "
                        + s.get("signer").stringValue() + " " + s.get("kind").stringValue())
                .containsExactly(
                        "ELABORADO Ana Quispe seal", "REVISADO Luis Mamani personal", "APROBADO Rosa Choque seal");
        JsonNode listed = null;
        for (JsonNode document : JSON.readTree(
                send("GET", "/api/v1/documents", null, null, "ana", "ana-dev").body())) {
            if (document.get("id").stringValue().equals(id)) {
                listed = document;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("signOffs"))
                .extracting(s -> s.get("kind").stringValue())
                .containsExactly("seal", "personal", "seal");

        // the reviewer's page: one line per signer says which it is
        String page =
                new String(send("GET", "/verify/" + id, null, null, null, null).body(), StandardCharsets.UTF_8);
        List<String> signers = new ArrayList<>();
        Matcher signer = Pattern.compile(
                        "<li class=\"firmante\">.*?<p class=\"nombre\">([^<]+)</p>.*?<p class=\"tipo-firma\">([^<]+)</p>.*?</li>",
                        Pattern.DOTALL)
                .matcher(page);
        while (signer.find()) {
            signers.add(signer.group(1) + ": " + signer.group(2));
        }
        assertThat(signers)
                .containsExactly(
                        "Ana Quispe: Sello del servicio",
                        "Luis Mamani: Firma personal",
                        "Rosa Choque: Sello del servicio");

        // the staff list says it in the Firmas column, and the verification page in each signer's card
        try (Browser browser = Browser.start("http://127.0.0.1:" + port, 1280, 900)) {
            browser.signIn("ana", "ana-dev").open("/ui/documentos.html").ready();
            assertThat(browser.visible(By.cssSelector("#doc-" + id + " .doc-signoffs"))
                            .getText())
                    .isEqualTo(
                            "ELABORADO: Ana Quispe (sello del servicio); REVISADO: Luis Mamani (firma personal); APROBADO: Rosa Choque (sello del servicio)");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.screenshot("duties-documentos-1280x900");
            browser.resize(360, 740).open("/ui/documentos.html").ready();
            browser.script("document.getElementById('doc-" + id + "').scrollIntoView()");
            browser.screenshot("duties-documentos-360x740");
            browser.open("/verify/" + id).ready();
            browser.script("document.getElementById('firmas-titulo').scrollIntoView()");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.screenshot("duties-verify-360x740");
        }

        // the OpenAPI document names the two kinds
        JsonNode api = JSON.readTree(
                send("GET", "/v3/api-docs", null, null, null, null).body());
        assertThat(api.get("components")
                        .get("schemas")
                        .get("SignOffView")
                        .get("properties")
                        .get("kind")
                        .get("enum"))
                .extracting(JsonNode::stringValue)
                .containsExactly("personal", "seal");
    }

    /** A system (API key) may sign a step its key's roles allow, but only ever with the service seal. */
    @Test
    void anApiKeysSignOffIsTheServiceSeal() throws Exception {
        String id = store("ana", "ana-dev");
        HttpResponse<byte[]> sealed = client.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/v1/documents/" + id + "/sign-offs"))
                        .header("X-Api-Key", API_KEY)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"step\": \"ELABORADO\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sealed.statusCode())
                .as(new String(sealed.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        JsonNode signOff = JSON.readTree(sealed.body()).get("signOffs").get(0);
        assertThat(signOff.get("username").stringValue()).isEqualTo("sistema-poa");
        assertThat(signOff.get("position").stringValue()).isEqualTo("Sistema");
        assertThat(signOff.get("kind").stringValue()).isEqualTo("seal");
        JsonNode me = JSON.readTree(client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                                .header("X-Api-Key", API_KEY)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .body());
        assertThat(me.get("system").booleanValue()).isTrue();
        assertThat(JSON.readTree(send("GET", "/api/v1/me", null, null, "ana", "ana-dev")
                                .body())
                        .get("system")
                        .booleanValue())
                .isFalse();
        assertThat(audit(id)).contains("sistema-poa sign-off ok");
    }

    private String store(String user, String password) throws Exception {
        HttpResponse<byte[]> stored = send(
                "POST",
                "/api/v1/documents/poa-execution-form?store=true",
                Fixtures.seedExample(),
                "application/json",
                user,
                password);
        assertThat(stored.statusCode()).isEqualTo(201);
        return JSON.readTree(stored.body()).get("id").stringValue();
    }

    private HttpResponse<byte[]> signOff(String id, String step, String user, String password) throws Exception {
        return send(
                "POST",
                "/api/v1/documents/" + id + "/sign-offs",
                ("{\"step\": \"" + step + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json",
                user,
                password);
    }

    private List<String> audit(String id) throws Exception {
        List<String> lines = new ArrayList<>();
        JSON.readTree(send("GET", "/api/v1/documents/" + id + "/audit", null, null, "admin", "admin-dev")
                        .body())
                .forEach(e -> lines.add(e.get("actor").stringValue() + " "
                        + e.get("action").stringValue() + " " + e.get("result").stringValue()));
        return lines;
    }

    private HttpResponse<byte[]> send(
            String method, String path, byte[] body, String contentType, String user, String password)
            throws Exception {
        return HttpApiTest.send(client, port, method, path, body, contentType, user, password);
    }
}
