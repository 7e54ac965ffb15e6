package io.sello.document;

import io.sello.rendering.TemplateFiles;
import io.sello.rendering.TemplateSource;

import java.util.Optional;
import java.util.Set;

/** One kind of document the service produces; the web layer and the CLI see only this. */
public interface DocumentType {

    DocumentTypeId id();

    String title();

    String description();

    /** The JSON Schema (draft 2020-12) of the request body. */
    String jsonSchema();

    /** A complete, valid request body. */
    byte[] example();

    /** The formats {@link #render} delivers; PDF always comes first. */
    default Set<OutputFormat> formats() {
        return Set.of(OutputFormat.PDF);
    }

    /** Which version of the template and contract produced a document, recorded with every stored one. */
    default String templateVersion() {
        return id().value();
    }

    /**
     * Every file that can change this type's output, read from {@code source}; {@link #templateVersion} is its
     * fingerprint. Empty for a type whose files cannot be kept, whose documents then cannot be rendered again.
     */
    default Optional<TemplateFiles> templateFiles(TemplateSource source) {
        return Optional.empty();
    }

    /** Checks a request without rendering it. Never throws for bad input: everything goes in the report. */
    ValidationReport validate(byte[] json);

    /**
     * @throws InvalidInputException    the request is malformed or breaks the contract
     * @throws TotalsMismatchException declared totals differ beyond rounding and {@code options} is not lenient
     */
    RenderedDocument render(byte[] json, RenderOptions options);

    /**
     * Title, issuer, reference and date of a stored request, for the verification page (issue 15, point 5).
     * Never throws: data that no longer reads gives {@link DocumentSummary#ofType}.
     */
    default DocumentSummary summary(byte[] json) {
        return DocumentSummary.ofType(this);
    }

    /**
     * The empty official form, for filling by hand (issue 17, point 3): its title block, headings and column numbers,
     * {@code rows} empty rows and its signature block. With {@code fillable}, the cells are AcroForm text fields named
     * by the JSON pointer of the value each one holds ({@code /header/institution}), so a filled copy reads back into
     * this type's JSON. Empty for a type that has no paper form to fill.
     */
    default Optional<byte[]> blankForm(int rows, boolean fillable) {
        return Optional.empty();
    }

    /** Whether {@link #blankForm} gives a form: the type listing links it only then. */
    default boolean hasBlankForm() {
        return false;
    }
}
