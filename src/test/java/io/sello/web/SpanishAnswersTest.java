package io.sello.web;

import io.sello.support.Fixtures;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages send {@code Accept-Language: es} and read every message in Spanish; systems send none (or English)
 * and get today's English texts, byte for byte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SlowTest
class SpanishAnswersTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALIDATE = "/api/v1/documents/poa-execution-form/validate";
    private static final String BOLIVIA = "es-BO,es;q=0.9";
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    /** A small form with five common slips: pointer → the Spanish message, then the English one systems keep. */
    private static final String FAULTY = Fixtures.smallForm()
            .replace("\"MINISTERIO DE PRUEBA\"", "\"  \"")
            .replace("\"PROGRAMACION DE OPERACIONES ANUAL\"", "\"" + "P".repeat(4012) + "\"")
            .replace("\"2024-03-31\"", "\"2021-02-30\"")
            .replace("\"acronym\": \"UPL\"", "\"acronym\": \"UPL\", \"sigla\": \"UPL\"")
            .replace("\"300.25\"", "\"12,5 Bs\"");

    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("/header/institution", List.of("Falta este dato: está en blanco", "must not be blank"));
        EXPECTED.put(
                "/header/program",
                List.of(
                        "Debe tener como mucho 4000 caracteres; tiene 4012",
                        "expected at most 4000 characters but got 4012"));
        EXPECTED.put(
                "/header/cutOffDate",
                List.of(
                        "Se esperaba una fecha real con el formato AAAA-MM-DD; se recibió «2021-02-30»",
                        "expected a real date as \"YYYY-MM-DD\" but got \"2021-02-30\""));
        EXPECTED.put(
                "/header/sigla",
                List.of(
                        "Campo desconocido «sigla»; solo se admiten: [acronym, cutOffDate, entityCode,"
                                + " fiscalYear, formCode, formTitle, institution, organizationalArea, planLabel, program]",
                        "unknown field \"sigla\"; expected one of [acronym, cutOffDate, entityCode, fiscalYear, formCode, formTitle,"
                                + " institution, organizationalArea, planLabel, program]"));
        EXPECTED.put(
                "/activities/0/budgetLines/0/executed/tgn",
                List.of(
                        "Importe no válido: se esperaba un número o un texto"
                                + " decimal como «1237022.00»; se recibió el texto «12,5 Bs»",
                        "expected an amount as a number or a decimal string such as \"1237022.00\" but got the string \"12,5 Bs\""));
    }

    @Test
    void validateSpeaksSpanishToThePagesAndEnglishToSystems() throws Exception {
        HttpResponse<byte[]> spanish = send("POST", VALIDATE, FAULTY, BOLIVIA);
        HttpResponse<byte[]> none = send("POST", VALIDATE, FAULTY, null);
        HttpResponse<byte[]> english = send("POST", VALIDATE, FAULTY, "en-US,en;q=0.9,es;q=0.5");
        assertThat(spanish.statusCode()).isEqualTo(200);
        assertThat(messages(spanish)).containsExactlyInAnyOrderEntriesOf(byLanguage(0));
        assertThat(messages(none)).containsExactlyInAnyOrderEntriesOf(byLanguage(1));
        // the English answer is the same with or without a header that prefers English
        assertThat(english.body()).isEqualTo(none.body());
        assertThat(spanish.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Language"));
        assertThat(JSON.readTree(spanish.body()).get("valid").booleanValue()).isFalse();
    }

    @Test
    void aMalformedBodyIsAProblemInSpanish() throws Exception {
        JsonNode problem = JSON.readTree(send("POST", "/api/v1/documents/poa-execution-form", "{\"header\": ", BOLIVIA)
                .body());
        assertThat(problem.get("status").intValue()).isEqualTo(400);
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/invalid-input");
        assertThat(problem.get("title").stringValue()).isEqualTo("Datos no válidos");
        assertThat(problem.get("detail").stringValue())
                .startsWith("/header: El JSON está mal formado en la línea 1, columna ");
        assertThat(problem.get("errors").get(0).get("message").stringValue()).startsWith("El JSON está mal formado");
        assertThat(SpanishMessagesTest.englishIn(problem.get("detail").stringValue()))
                .isEmpty();
        JsonNode english = JSON.readTree(send("POST", "/api/v1/documents/poa-execution-form", "{\"header\": ", null)
                .body());
        assertThat(english.get("title").stringValue()).isEqualTo("Invalid input");
        assertThat(english.get("detail").stringValue()).startsWith("/header: malformed JSON at line 1, column ");
    }

    @Test
    void anUnknownTypeAndTheErrorPathAreProblemsInSpanish() throws Exception {
        JsonNode unknown = JSON.readTree(send("POST", "/api/v1/documents/informe-anual/validate", "{}", BOLIVIA)
                .body());
        assertThat(unknown.get("status").intValue()).isEqualTo(404);
        assertThat(unknown.get("title").stringValue()).isEqualTo("Tipo de documento desconocido");
        assertThat(unknown.get("detail").stringValue())
                .isEqualTo("No existe el tipo de documento «informe-anual»; GET /api/v1/document-types los enumera");
        JsonNode english = JSON.readTree(send("POST", "/api/v1/documents/informe-anual/validate", "{}", null)
                .body());
        assertThat(english.get("title").stringValue()).isEqualTo("Unknown document type");
        // written by a filter (ProblemResponses), before any controller
        JsonNode error = JSON.readTree(send("GET", "/error", null, "es").body());
        assertThat(error.get("status").intValue()).isEqualTo(404);
        assertThat(error.get("title").stringValue()).isEqualTo("No encontrado");
        assertThat(error.get("detail").stringValue()).isEqualTo("No hay nada en /error");
    }

    private static Map<String, String> byLanguage(int language) {
        Map<String, String> expected = new LinkedHashMap<>();
        EXPECTED.forEach((pointer, texts) -> expected.put(pointer, texts.get(language)));
        return expected;
    }

    private static Map<String, String> messages(HttpResponse<byte[]> response) {
        Map<String, String> messages = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        for (JsonNode error : JSON.readTree(response.body()).get("errors")) {
            if (messages.put(
                            error.get("pointer").stringValue(),
                            error.get("message").stringValue())
                    != null) {
                twice.add(error.get("pointer").stringValue());
            }
        }
        assertThat(twice).as("pointers with two errors").isEmpty();
        return messages;
    }

    private HttpResponse<byte[]> send(String method, String path, String body, String acceptLanguage) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", HttpApiTest.basic("ana", "ana-dev"));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
