package io.sello.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.OutputFormat;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 18, point 1: the OpenAPI document carries each type's contract, so that a client generated from it
 * (openapi-generator) sends the JSON the service reads, not the base64 string springdoc infers from a
 * {@code byte[]} body. For every catalogued type there are two operations of its own,
 * {@code POST /api/v1/documents/<type>} (render{Type}) and {@code …/<type>/validate} (validate{Type}), whose request
 * body is {@code #/components/schemas/<Type>}: the type's JSON Schema 2020-12 as the catalogue serves it
 * (OpenAPI 3.1 takes it as it is), with its {@code $defs} lifted into components named {@code <Type><Def>} and their
 * {@code $ref}s rewritten, because generators resolve references into components and not into a schema's own
 * {@code $defs}. {@code $schema} and {@code $id} stay out of the copy (the {@code $id} is the schema's own URL, which
 * would make a resolver look for the lifted {@code $defs} there); {@code x-*} keywords stay, generators ignore them.
 * An {@code enum} of integers without a {@code type} gets {@code "type": "integer"} in the copy: the same values.
 * <p>
 * The generic {@code POST /api/v1/documents/{type}} stays documented for what has no JSON Schema: a filled
 * spreadsheet template (XLSX/XLSM) rendered as the type's JSON would be. The generic {@code …/{type}/validate}
 * takes JSON only, which every type's own operation now describes, so it is left out of the document.
 * <p>
 * Responses are the ones the service gives (ProblemDetailsAdvice, ProblemResponses): {@code Problem} is the RFC 9457
 * body with the {@code errors[]} of {pointer, message} that a 400 carries, and the {@code mismatches} of a 422.
 */
@Component
class DocumentTypeOperations implements OpenApiCustomizer {
    static final String DOCUMENTS = "/api/v1/documents/";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** swagger-core's OpenAPI 3.1 mapper: Jackson 2, the only one that reads JSON into its Schema model (the rest of Sello uses Jackson 3). */
    private static final ObjectMapper JSON = Json31.mapper();

    private final DocumentTypes types;

    DocumentTypeOperations(DocumentTypes types) {
        this.types = types;
    }

    @Override
    public void customise(OpenAPI api) {
        Map<String, Schema> components = api.getComponents().getSchemas() == null
                ? new LinkedHashMap<>()
                : new LinkedHashMap<>(api.getComponents().getSchemas());
        components.put(PROBLEM, problemSchema());
        Paths paths = api.getPaths() == null ? new Paths() : api.getPaths();
        paths.remove(DOCUMENTS + "{type}/validate");
        PathItem generic = paths.get(DOCUMENTS + "{type}");
        if (generic != null
                && generic.getPost() != null
                && generic.getPost().getRequestBody() != null
                && generic.getPost().getRequestBody().getContent() != null) {
            Content spreadsheets = new Content();
            generic.getPost().getRequestBody().getContent().forEach((mediaType, content) -> {
                if (!mediaType.startsWith("application/json")) {
                    spreadsheets.addMediaType(
                            mediaType, new MediaType().schema(schema("{\"type\":\"string\",\"format\":\"binary\"}")));
                }
            });
            generic.getPost()
                    .summary("Render a filled spreadsheet template (XLSX/XLSM) of a type")
                    .description(
                            "A workbook made from GET /api/v1/document-types/{type}/template.xlsx, converted and checked as"
                                    + " POST …/import does, then rendered as its JSON would be. JSON requests have one operation per type"
                                    + " (render<Type>), whose body is that type's schema.")
                    .operationId("renderSpreadsheet")
                    .getRequestBody()
                    .content(spreadsheets);
        }
        for (DocumentType type : types.all()) {
            String name = componentName(type.id().value());
            lift(type, name).forEach(components::put);
            String ref = "#/components/schemas/" + name;
            paths.addPathItem(DOCUMENTS + type.id().value(), new PathItem().post(render(type, name, ref)));
            paths.addPathItem(
                    DOCUMENTS + type.id().value() + "/validate", new PathItem().post(validate(type, name, ref)));
        }
        api.getComponents().setSchemas(components);
        api.setPaths(paths);
    }

    private static Operation render(DocumentType type, String name, String ref) {
        ApiResponses responses = new ApiResponses();
        Content documents = new Content();
        for (OutputFormat format : formatsOf(type)) {
            documents.addMediaType(
                    format.mediaType(), new MediaType().schema(schema("{\"type\":\"string\",\"format\":\"binary\"}")));
        }
        responses.addApiResponse(
                "200",
                new ApiResponse()
                        .description(
                                "The document (" + formats(type)
                                        + "). Warnings, such as declared figures printed as computed with lenient=true, are in the Sello-Warnings header.")
                        .content(documents));
        responses.addApiResponse(
                "201",
                new ApiResponse()
                        .description("With store=true: the stored record; the PDF is at its pdf link")
                        .content(new Content()
                                .addMediaType("application/json", new MediaType().schema(ref("DocumentView")))));
        problem(
                responses,
                "400",
                "The body is not JSON, or breaks the contract: errors lists each fault with its JSON pointer");
        problem(responses, "401", "Neither a staff user (Basic) nor an API key");
        problem(responses, "406", "A format this type does not deliver (format or Accept)");
        problem(responses, "413", "The body is larger than sello.limits.max-body-size");
        problem(responses, "415", "A Content-Type other than application/json");
        problem(
                responses,
                "422",
                "Declared totals differ (mismatches; lenient=true prints the computed ones), or the document"
                        + " goes beyond a limit or a figure cannot be printed in full");
        problem(responses, "429", "Too many renders at once; retry after Retry-After");
        problem(responses, "503", "The render took too long, or the registry's database is unavailable (store=true)");
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(query(
                "lenient",
                "Print computed figures where declared ones differ, as warnings, instead of 422",
                schema("{\"type\":\"boolean\",\"default\":false}")));
        ObjectNode format = JSON.createObjectNode().put("type", "string");
        formatsOf(type).forEach(f -> format.withArray("enum").add(f.extension()));
        parameters.add(query(
                "format",
                "The file format (" + formats(type) + "); PDF unless asked for, here or in Accept",
                JSON.convertValue(format, Schema.class)));
        parameters.add(query(
                "store",
                "Store the PDF in the registry with a verification QR code; the answer is then 201",
                schema("{\"type\":\"boolean\",\"default\":false}")));
        return new Operation()
                .operationId("render" + name)
                .addTagsItem("documents")
                .summary("Render " + type.title())
                .description(type.description() + " The body is the type's JSON Schema (GET /api/v1/document-types/"
                        + type.id().value() + "/schema).")
                .parameters(parameters)
                .requestBody(body(name, ref))
                .responses(responses);
    }

    private static Operation validate(DocumentType type, String name, String ref) {
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(
                "200",
                new ApiResponse()
                        .description("The report: valid says whether a strict render would"
                                + " succeed; errors, mismatches, warnings and every computed figure")
                        .content(new Content()
                                .addMediaType("application/json", new MediaType().schema(ref("ValidationResponse")))));
        problem(responses, "400", "The body is not JSON");
        problem(responses, "401", "Neither a staff user (Basic) nor an API key");
        problem(responses, "413", "The body is larger than sello.limits.max-body-size");
        problem(responses, "415", "A Content-Type other than application/json");
        return new Operation()
                .operationId("validate" + name)
                .addTagsItem("documents")
                .summary("Check a " + type.id().value() + " request without rendering it, and compute its figures")
                .description(
                        "Always 200 for a JSON body: a request that breaks the contract is a report with valid false and"
                                + " its errors, never a 400.")
                .requestBody(body(name, ref))
                .responses(responses);
    }

    private static RequestBody body(String name, String ref) {
        return new RequestBody()
                .required(true)
                .description(name + ": the type's JSON Schema")
                .content(new Content()
                        .addMediaType(
                                "application/json", new MediaType().schema(schema("{\"$ref\":\"" + ref + "\"}"))));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(description)
                        .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM)))));
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter()
                .in("query")
                .name(name)
                .required(false)
                .description(description)
                .schema(schema);
    }

    private static String formats(DocumentType type) {
        return String.join(
                ", ", formatsOf(type).stream().map(OutputFormat::label).toList());
    }

    /** In OutputFormat's order, PDF first: a type's set has none, and the published document must not change between runs. */
    private static List<OutputFormat> formatsOf(DocumentType type) {
        return type.formats().stream().sorted().toList();
    }

    private static Schema<?> ref(String component) {
        return schema("{\"$ref\":\"#/components/schemas/" + component + "\"}");
    }

    /**
     * The type's schema and its {@code $defs}, each as a component: {@code poa-execution-form} gives
     * {@code PoaExecutionForm} and {@code PoaExecutionFormMoney} for its {@code $defs/money}.
     */
    static Map<String, Schema> lift(DocumentType type, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(type.jsonSchema());
        } catch (Exception e) {
            throw new IllegalStateException("the schema of " + type.id() + " is not JSON", e);
        }
        ObjectNode schema = (ObjectNode) root;
        schema.remove("$schema");
        schema.remove("$id");
        JsonNode defs = schema.remove("$defs");
        Map<String, Schema> lifted = new LinkedHashMap<>();
        rewriteRefs(schema, name);
        lifted.put(name, JSON.convertValue(schema, Schema.class));
        if (defs != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> def = it.next();
                rewriteRefs(def.getValue(), name);
                lifted.put(name + componentName(def.getKey()), JSON.convertValue(def.getValue(), Schema.class));
            }
        }
        return lifted;
    }

    private static void rewriteRefs(JsonNode node, String name) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/$defs/")) {
                object.put(
                        "$ref",
                        "#/components/schemas/" + name
                                + componentName(ref.asText().substring("#/$defs/".length())));
            }
            JsonNode values = object.get("enum");
            if (values != null && values.isArray() && !values.isEmpty() && !object.has("type")) {
                boolean integers = true;
                for (JsonNode value : values) {
                    integers &= value.isIntegralNumber();
                }
                if (integers) {
                    // the same values (JSON Schema counts 2.0 as an integer too); a generator without the type makes
                    // the enum's values BigDecimal.valueOf(BigDecimal), which does not compile (budget columns'
                    // decimals)
                    object.put("type", "integer");
                }
            }
            object.forEach(child -> rewriteRefs(child, name));
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, name));
        }
    }

    /** {@code poa-execution-form} → {@code PoaExecutionForm}, {@code declaredTotal} → {@code DeclaredTotal}. */
    static String componentName(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.toString();
    }

    /**
     * RFC 9457 as ProblemDetailsAdvice writes it: {@code errors} on a 400 of invalid input (and a 422 of a document
     * too large), {@code mismatches} and {@code warnings} on a 422 of declared totals; other members may follow.
     */
    private static Schema<?> problemSchema() {
        return schema("""
                {"type":"object","description":"A problem (RFC 9457). title, detail and messages are Spanish with Accept-Language: es.",
                 "properties":{
                  "type":{"type":"string","description":"/problems/<kind>, e.g. /problems/invalid-input"},
                  "title":{"type":"string"},"status":{"type":"integer","format":"int32"},"detail":{"type":"string"},
                  "instance":{"type":"string"},
                  "errors":{"type":"array","items":{"$ref":"#/components/schemas/InputError"}},
                  "mismatches":{"type":"array","items":{"$ref":"#/components/schemas/MismatchBody"}},
                  "warnings":{"type":"array","items":{"$ref":"#/components/schemas/Warning"}}},
                 "required":["type","title","status"]}""");
    }

    private static Schema<?> schema(String json) {
        try {
            return JSON.readValue(json, Schema.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
