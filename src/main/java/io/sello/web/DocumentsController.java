package io.sello.web;

import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.Hashes;
import io.sello.document.InputError;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.ValidationReport;
import io.sello.document.Warning;
import io.sello.http.UnknownDocumentTypeException;
import io.sello.http.WarningHeaders;
import io.sello.spreadsheet.WorkbookImport;
import io.sello.storage.DocumentRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Renders and validates documents from JSON posted by staff tools and client systems. */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentsController {
    private final DocumentTypes types;

    private final SecurityProperties security;

    private final DocumentRegistry registry;

    private final RenderMetrics metrics;
    private final RenderGate gate;
    private final JsonBodyCheck bodies;
    private final StoringRender storing;
    private final WorkbookImport workbooks;

    DocumentsController(
            DocumentTypes types,
            SecurityProperties security,
            DocumentRegistry registry,
            RenderMetrics metrics,
            RenderGate gate,
            JsonBodyCheck bodies,
            StoringRender storing,
            WorkbookImport workbooks) {
        this.storing = storing;
        this.workbooks = workbooks;
        this.metrics = metrics;
        this.gate = gate;
        this.bodies = bodies;
        this.types = types;
        this.security = security;
        this.registry = registry;
    }

    /**
     * The document, as PDF unless the type delivers other formats and the client asks for one with
     * {@code ?format=xlsx|csv|pdf} or the {@code Accept} header. With {@code ?lenient=true} declared
     * figures that differ are printed as computed and reported as warnings instead of a 422.
     * Warnings travel in {@link WarningHeaders}.
     */
    @PostMapping(path = "/{type}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> render(
            @PathVariable String type,
            @RequestBody(required = false) byte[] body,
            @RequestParam(defaultValue = "false") boolean lenient,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean store,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication who) {
        return render(type, body, lenient, format, store, accept, who, List.of());
    }

    /** @param read what converting the body from another format reported (a workbook's links ignored), shown first */
    private ResponseEntity<byte[]> render(
            String type,
            byte[] body,
            boolean lenient,
            String format,
            boolean store,
            String accept,
            Authentication who,
            List<Warning> read) {
        DocumentType documentType = find(type);
        bodies.check(body);
        if (store) {
            return stored(documentType, body, lenient, who);
        }
        OutputFormat chosen = FormatNegotiation.choose(documentType, format, accept);
        String actor = SecurityConfiguration.actor(who, security).username();
        RenderedDocument document;
        long start = System.nanoTime();
        try {
            document = gate.run(() -> documentType.render(body, new RenderOptions(lenient, chosen)));
        } catch (RuntimeException e) {
            metrics.render(type, chosen, "refused", System.nanoTime() - start);
            registry.audit(
                    null,
                    actor,
                    "render",
                    "refused",
                    type + " as " + chosen.extension() + ": " + e.getClass().getSimpleName());
            throw e;
        }
        metrics.render(type, chosen, "ok", System.nanoTime() - start);
        registry.audit(
                null,
                actor,
                "render",
                "ok",
                type + " as " + chosen.extension() + ", " + document.content().length + " bytes, sha256 "
                        + Hashes.sha256(document.content()) + Warning.listed(document.warnings()));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(
                chosen == OutputFormat.CSV
                        ? MediaType.parseMediaType("text/csv;charset=UTF-8;header=present")
                        : MediaType.parseMediaType(chosen.mediaType()));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(document.fileName(), StandardCharsets.UTF_8)
                .build());
        List<Warning> warnings = new ArrayList<>(read);
        document.warnings().stream().filter(w -> !read.contains(w)).forEach(warnings::add);
        WarningHeaders.write(warnings, headers);
        return ResponseEntity.ok().headers(headers).body(document.content());
    }

    /**
     * A filled spreadsheet template (issue 17), converted and checked as {@code POST …/import} does it, then rendered
     * as its JSON would be, with the same options. A workbook that does not convert answers as the import does.
     */
    @PostMapping(
            path = "/{type}",
            consumes = {WorkbookImport.XLSX, WorkbookImport.XLSM})
    ResponseEntity<byte[]> renderWorkbook(
            @PathVariable String type,
            // required: a body-less request would otherwise match both mappings (ambiguous, 500)
            @RequestBody byte[] body,
            @RequestParam(defaultValue = "false") boolean lenient,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean store,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            Authentication who) {
        WorkbookImport.Imported imported = workbooks.read(find(type), body, contentType);
        return render(type, imported.json(), lenient, format, store, accept, who, imported.warnings());
    }

    /**
     * {@code ?store=true}: the PDF goes to the registry with a verification QR code on every page;
     * the answer is 201 with the stored record and its links (the PDF is at its {@code pdf} link).
     */
    private ResponseEntity<byte[]> stored(DocumentType type, byte[] body, boolean lenient, Authentication who) {
        return storing.store(type, body, lenient, who).response();
    }

    /** Always 200 with the report when the type exists; {@code valid} says whether a render would succeed. */
    @Operation(
            summary = "Check a request without rendering it, and compute its figures",
            description =
                    "Always 200 when the type exists. valid says whether a strict render would succeed. errors lists"
                            + " every problem with its JSON pointer; mismatches every declared figure that differs from the computed"
                            + " one, classified rounding or error (only errors make the request invalid); warnings all warnings."
                            + " figures lists every figure the document computes and prints (activity TOTAL lines, TOTAL PARCIAL,"
                            + " TOTAL GENERAL and % ejecución of Formulario N.5.B; computed cells, subtotals, totals and conversions of"
                            + " budget tables), each with the pointer where it would be declared, a Spanish label, its value and its"
                            + " printed text, all from the code that renders the PDF. When errors in the input keep the figures from"
                            + " being computed, figures is empty.")
    @PostMapping(
            path = "/{type}/validate",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ValidationResponse validate(@PathVariable String type, @RequestBody(required = false) byte[] body) {
        DocumentType documentType = find(type);
        return ValidationResponse.of(documentType.validate(bodies.check(body)));
    }

    private DocumentType find(String type) {
        return types.find(type).orElseThrow(() -> new UnknownDocumentTypeException(type));
    }

    /** {@code mismatches} lists rounding differences too, each with its classification; only errors make it invalid. */
    record ValidationResponse(
            boolean valid,
            List<InputError> errors,
            List<MismatchBody> mismatches,
            List<Warning> warnings,

            @ArraySchema(
                    arraySchema =
                            @Schema(
                                    description =
                                            "Every figure the document computes and prints, in the order it prints them;"
                                                    + " empty when errors in the input keep them from being computed"))
            List<FigureBody> figures) {
        static ValidationResponse of(ValidationReport report) {
            return new ValidationResponse(
                    report.valid(),
                    report.errors(),
                    report.mismatches().stream().map(MismatchBody::of).toList(),
                    report.warnings(),
                    report.figures().stream().map(FigureBody::of).toList());
        }
    }
}
