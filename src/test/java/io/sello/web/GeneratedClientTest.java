package io.sello.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sello.client.ApiClient;
import io.sello.client.ApiException;
import io.sello.client.api.DocumentsApi;
import io.sello.client.model.ComputedFigure;
import io.sello.client.model.PoaExecutionForm;
import io.sello.client.model.Problem;
import io.sello.client.model.ValidationResponse;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.OutputFormat;
import io.sello.document.ValidationReport;
import io.sello.support.SlowTest;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Issue 18, point 1: a client generated from the published OpenAPI document works. The build generates it
 * (openapi-generator-maven-plugin, library native, pom.xml) from src/test/resources/openapi/sello.json, which the first
 * test keeps equal to what /v3/api-docs serves; the others call every catalogued type's render and validate through
 * it with typed request objects read from the type's example, as a system integrating with Sello would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SlowTest
class GeneratedClientTest {
    static final Path SPEC = Path.of("src/test/resources/openapi/sello.json");
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String API_KEY = "dev-api-key-not-for-production";

    @LocalServerPort
    int port;

    @Autowired
    DocumentTypes types;

    private DocumentsApi api;
    /** The generated client's own mapper, strict about members its models do not know. */
    private ObjectMapper mapper;

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("X-Api-Key", API_KEY));
        mapper = client.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        api = new DocumentsApi(client);
    }

    /**
     * The committed spec the client is generated from is what the service publishes (servers left out: its URL names
     * the test's random port). When they differ, the file is rewritten and the test fails: review it, commit it, and
     * build again so that the client is generated from it, as with golden files.
     */
    @Test
    void theCommittedSpecIsWhatTheServicePublishes() throws Exception {
        HttpResponse<String> published = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(published.statusCode()).isEqualTo(200);
        ObjectNode spec = (ObjectNode) JSON.readTree(published.body());
        spec.remove("servers");
        JsonNode committed = Files.exists(SPEC) ? JSON.readTree(Files.readString(SPEC, StandardCharsets.UTF_8)) : null;
        if (!spec.equals(committed)) {
            Files.createDirectories(SPEC.getParent());
            Files.writeString(SPEC, JSON.writeValueAsString(spec) + "\n", StandardCharsets.UTF_8);
            fail(SPEC
                    + " differed from /v3/api-docs and has been rewritten: review it (git diff), commit it, and build again"
                    + " so that the client is generated from it");
        }
        // one render and one validate per catalogued type, whose body is the type's schema
        for (DocumentType type : types.all()) {
            String name = DocumentTypeOperations.componentName(type.id().value());
            JsonNode render =
                    spec.at("/paths/~1api~1v1~1documents~1" + type.id().value() + "/post");
            assertThat(render.get("operationId").stringValue()).isEqualTo("render" + name);
            assertThat(render.at("/requestBody/content/application~1json/schema/$ref")
                            .stringValue())
                    .isEqualTo("#/components/schemas/" + name);
            assertThat(render.at("/responses/200/content").propertyNames())
                    .containsExactlyInAnyOrderElementsOf(
                            type.formats().stream().map(OutputFormat::mediaType).toList());
            assertThat(render.at("/responses/400/content/application~1problem+json/schema/$ref")
                            .stringValue())
                    .isEqualTo("#/components/schemas/Problem");
            JsonNode validate =
                    spec.at("/paths/~1api~1v1~1documents~1" + type.id().value() + "~1validate/post");
            assertThat(validate.get("operationId").stringValue()).isEqualTo("validate" + name);
            assertThat(validate.at("/responses/200/content/application~1json/schema/$ref")
                            .stringValue())
                    .isEqualTo("#/components/schemas/ValidationResponse");
        }
        assertThat(spec.at("/components/schemas/Problem/properties/errors/items/$ref")
                        .stringValue())
                .isEqualTo("#/components/schemas/InputError");
        // no reference is left pointing into a schema's own $defs, which generators do not resolve
        assertThat(published.body()).doesNotContain("#/$defs/");
    }

    /**
     * For every catalogued type: the example read into the generated model (strictly: a member the model lacks fails),
     * validated through the client with the same report, figure for figure, as the service gives the example itself,
     * then rendered to a PDF (and XLSX and CSV where the type offers them).
     */
    @Test
    void everyTypeRendersAndValidatesThroughTheGeneratedClient() throws Exception {
        assertThat(types.all()).hasSizeGreaterThanOrEqualTo(4);
        int figures = 0;
        for (DocumentType type : types.all()) {
            String name = DocumentTypeOperations.componentName(type.id().value());
            Class<?> model = Class.forName("io.sello.client.model." + name);
            Object request = mapper.readValue(type.example(), model);

            ValidationResponse report = (ValidationResponse) call("validate" + name, model, request);
            ValidationReport expected = type.validate(type.example());
            assertThat(report.getErrors()).as(type.id().value()).isEmpty();
            assertThat(report.getValid()).as(type.id().value()).isEqualTo(expected.valid());
            figures += report.getFigures().size();
            assertThat(report.getFigures())
                    .extracting(ComputedFigure::getPointer, ComputedFigure::getValue, ComputedFigure::getPrinted)
                    .as(type.id().value())
                    .containsExactlyElementsOf(expected.figures().stream()
                            .map(f -> Tuple.tuple(f.pointer(), f.value(), f.printed()))
                            .toList());
            assertThat(report.getMismatches()).hasSameSizeAs(expected.mismatches());

            // seed 003's examples declare figures that do not add up: those render only leniently
            boolean lenient = !expected.valid();
            for (OutputFormat format : type.formats()) {
                File document = (File) call("render" + name, model, request, lenient, format.extension(), false);
                byte[] content = Files.readAllBytes(document.toPath());
                String start = new String(content, 0, 4, StandardCharsets.ISO_8859_1);
                switch (format) {
                    case PDF -> assertThat(start).as(type.id().value()).isEqualTo("%PDF");
                    case XLSX -> assertThat(start).as(type.id().value()).isEqualTo("PK\u0003\u0004");
                    case CSV ->
                        assertThat(new String(content, StandardCharsets.UTF_8))
                                .as(type.id().value())
                                .contains("\n")
                                .doesNotContain("\uFFFD");
                }
            }
        }
        // no format asked for: the generated client's Accept lists every format the type delivers, PDF first, and gets
        // PDF
        DocumentType budget = types.find("budget-summary").orElseThrow();
        io.sello.client.model.BudgetSummary tables =
                mapper.readValue(budget.example(), io.sello.client.model.BudgetSummary.class);
        File unasked = api.renderBudgetSummary(
                tables, !budget.validate(budget.example()).valid(), null, false);
        assertThat(new String(Files.readAllBytes(unasked.toPath()), 0, 4, StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF");
        // the plan's example has no budget table and so no figures; the form's and the budget tables' have many
        assertThat(figures).isGreaterThan(20);
    }

    /** A typed request that breaks the contract comes back as the typed problem, with the pointer of the fault. */
    @Test
    void aBadRequestIsTheTypedProblemWithItsPointer() throws Exception {
        DocumentType form = types.find("poa-execution-form").orElseThrow();
        PoaExecutionForm request = mapper.readValue(form.example(), PoaExecutionForm.class);
        request.getHeader().setFiscalYear(1800);
        int funded = 0;
        while (request.getActivities().get(funded).getBudgetLines() == null
                || request.getActivities().get(funded).getBudgetLines().isEmpty()) {
            funded++;
        }
        request.getActivities()
                .get(funded)
                .getBudgetLines()
                .get(0)
                .getProgrammed()
                .setTgn(new BigDecimal("-1.00"));
        String money = "/activities/" + funded + "/budgetLines/0/programmed/tgn";

        ApiException refused = catchApi(() -> api.renderPoaExecutionForm(request, false, null, false));
        assertThat(refused.getCode()).isEqualTo(400);
        assertThat(refused.getResponseHeaders().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        Problem problem = mapper.readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo("/problems/invalid-input");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors())
                .extracting(io.sello.client.model.InputError::getPointer)
                .contains("/header/fiscalYear", money);

        // validate answers the same faults in its report, never as a problem
        ValidationResponse report = api.validatePoaExecutionForm(request);
        assertThat(report.getValid()).isFalse();
        assertThat(report.getErrors())
                .extracting(io.sello.client.model.InputError::getPointer)
                .contains("/header/fiscalYear", money);

        // declared totals that differ: the typed 422 lists each mismatch, amounts as BigDecimal
        DocumentType amendment = types.find("agreement-amendment").orElseThrow();
        if (!amendment.validate(amendment.example()).valid()) {
            io.sello.client.model.AgreementAmendment seed =
                    mapper.readValue(amendment.example(), io.sello.client.model.AgreementAmendment.class);
            ApiException mismatch = catchApi(() -> api.renderAgreementAmendment(seed, false, null, false));
            assertThat(mismatch.getCode()).isEqualTo(422);
            Problem totals = mapper.readValue(mismatch.getResponseBody(), Problem.class);
            assertThat(totals.getType()).isEqualTo("/problems/total-mismatch");
            assertThat(totals.getMismatches()).isNotEmpty().allSatisfy(m -> {
                assertThat(m.getPointer()).startsWith("/");
                assertThat(m.getDeclared()).isNotEqualByComparingTo(m.getComputed());
            });
        }

        // without credentials: the typed 401
        ApiClient anonymous = new ApiClient();
        anonymous.updateBaseUri("http://127.0.0.1:" + port);
        ApiException unauthorised = catchApi(() -> new DocumentsApi(anonymous).validatePoaExecutionForm(request));
        assertThat(unauthorised.getCode()).isEqualTo(401);
        assertThat(mapper.readValue(unauthorised.getResponseBody(), Problem.class)
                        .getStatus())
                .isEqualTo(401);
    }

    private Object call(String operation, Class<?> model, Object request, Object... options) throws Exception {
        Class<?>[] parameters = new Class<?>[1 + options.length];
        parameters[0] = model;
        for (int i = 0; i < options.length; i++) {
            parameters[i + 1] = options[i] instanceof String ? String.class : Boolean.class;
        }
        Method method = DocumentsApi.class.getMethod(operation, parameters);
        Object[] arguments = new Object[1 + options.length];
        arguments[0] = request;
        System.arraycopy(options, 0, arguments, 1, options.length);
        try {
            return method.invoke(api, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ApiException refused) {
                fail(operation + " answered " + refused.getCode() + ": " + refused.getResponseBody());
            }
            throw e;
        }
    }

    private interface ApiCall {
        Object run() throws ApiException;
    }

    private static ApiException catchApi(ApiCall call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("expected the service to refuse the request");
    }
}
