package io.sello.web;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.ValidationReport;
import io.sello.document.InputError;
import io.sello.document.TotalMismatch;
import io.sello.document.Warning;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Renders and validates documents from JSON posted by staff tools and client systems. */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentsController {
    private final DocumentTypes types;

    DocumentsController(DocumentTypes types) {
        this.types = types;
    }

    /**
     * The PDF. With {@code ?lenient=true} declared totals that differ are printed as computed and
     * reported as warnings instead of a 422. Warnings travel in {@link WarningHeaders}.
     */
    @PostMapping(path = "/{type}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<byte[]> render(@PathVariable String type, @RequestBody(required = false) byte[] body,
                                  @RequestParam(defaultValue = "false") boolean lenient) {
        RenderedDocument document = find(type).render(body, lenient ? RenderOptions.LENIENT : RenderOptions.STRICT);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(document.fileName(), StandardCharsets.UTF_8).build());
        WarningHeaders.write(document.warnings(), headers);
        return ResponseEntity.ok().headers(headers).body(document.pdf());
    }

    /** Always 200 with the report when the type exists; {@code valid} says whether a render would succeed. */
    @PostMapping(path = "/{type}/validate", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ValidationResponse validate(@PathVariable String type, @RequestBody(required = false) byte[] body) {
        return ValidationResponse.of(find(type).validate(body));
    }

    private DocumentType find(String type) {
        return types.find(type).orElseThrow(() -> new UnknownDocumentTypeException(type));
    }

    record ValidationResponse(boolean valid, List<InputError> errors,
                              List<TotalMismatch> mismatches,
                              List<Warning> warnings) {
        static ValidationResponse of(ValidationReport report) {
            return new ValidationResponse(report.valid(), report.errors(), report.mismatches(), report.warnings());
        }
    }
}
