package io.sello.web;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.OutputFormat;
import io.sello.http.UnknownDocumentTypeException;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the service can produce, and the contract of each document type. */
@RestController
@SecurityRequirements // open to anyone (SecurityConfiguration): the OpenAPI document declares no scheme
@RequestMapping("/api/v1/document-types")
class DocumentTypesController {
    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    private final DocumentTypes types;

    DocumentTypesController(DocumentTypes types) {
        this.types = types;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<DocumentTypeSummary> list() {
        return types.all().stream().map(DocumentTypeSummary::of).toList();
    }

    @GetMapping("/{type}/schema")
    ResponseEntity<String> schema(@PathVariable String type) {
        return ResponseEntity.ok().contentType(SCHEMA_JSON).body(find(type).jsonSchema());
    }

    @GetMapping("/{type}/example")
    ResponseEntity<byte[]> example(@PathVariable String type) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(find(type).example());
    }

    private DocumentType find(String type) {
        return types.find(type).orElseThrow(() -> new UnknownDocumentTypeException(type));
    }

    /**
     * @param formats      the media types {@code POST render} delivers, PDF first ({@code ?format=} or {@code Accept}): for systems
     * @param formatLabels the same formats in the same order as staff read them: "PDF", "Excel (XLSX)", "CSV"
     */
    record DocumentTypeSummary(
            String id,
            String title,
            String description,
            List<String> formats,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description =
                                            "The formats of formats, in the same order, as staff read them: PDF, Excel (XLSX), CSV"))
            List<String> formatLabels,

            Map<String, String> links) {
        static DocumentTypeSummary of(DocumentType type) {
            String base = "/api/v1/document-types/" + type.id();
            List<OutputFormat> delivered = Arrays.stream(OutputFormat.values())
                    .filter(type.formats()::contains)
                    .toList();
            return new DocumentTypeSummary(
                    type.id().value(),
                    type.title(),
                    type.description(),
                    delivered.stream().map(OutputFormat::mediaType).toList(),
                    delivered.stream().map(OutputFormat::label).toList(),
                    links(type, base));
        }

        /** The blank and fillable forms only for a type that has a paper form (issue 17, point 3). */
        private static Map<String, String> links(DocumentType type, String base) {
            Map<String, String> links = new LinkedHashMap<>();
            links.put("schema", base + "/schema");
            links.put("example", base + "/example");
            links.put("render", "/api/v1/documents/" + type.id());
            links.put("validate", "/api/v1/documents/" + type.id() + "/validate");
            if (type.hasBlankForm()) {
                links.put("blankForm", base + "/blank.pdf");
                links.put("fillableForm", base + "/fillable.pdf");
            }
            return links;
        }
    }
}
