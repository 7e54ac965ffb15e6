package io.sello.spreadsheet;

import io.sello.document.DocumentTooLargeException;
import io.sello.document.DocumentType;
import io.sello.document.InvalidInputException;
import io.sello.input.LimitsProperties;
import io.sello.signing.PdfLimits;
import io.sello.signing.PdfRefusedException;
import io.sello.signing.UploadedPdf;
import org.springframework.stereotype.Component;

/**
 * A filled fillable form ({@code GET …/fillable.pdf}, issue 17 point 3) turned into the type's JSON and checked as a
 * JSON request is, answered as the spreadsheet import answers ({@link WorkbookImport.Imported}). The upload is
 * untrusted: it is opened through {@link UploadedPdf} ({@code sello.limits.pdf.*}) and only its saved field values are
 * read. A PDF rendered by Sello carries its JSON embedded (issue 17 point 4); the import reads that first and falls back
 * to this one for a form filled by hand in a PDF reader.
 */
@Component
class FormFieldImport {
    public static final String PDF = "application/pdf";

    private final WorkbookImport workbooks;
    private final LimitsProperties limits;
    private final PdfLimits pdfLimits;

    FormFieldImport(WorkbookImport workbooks, LimitsProperties limits, PdfLimits pdfLimits) {
        this.workbooks = workbooks;
        this.limits = limits;
        this.pdfLimits = pdfLimits;
    }

    /**
     * @throws PdfRefusedException        not a readable PDF, or over a {@code sello.limits.pdf.*} limit (422)
     * @throws InvalidInputException      values that are not what their field asks for, or a document the type's checks
     *                                    refuse: each error keeps its pointer, its message starts with the field's name
     * @throws DocumentTooLargeException  more list items than sello.limits.max-items
     */
    public WorkbookImport.Imported read(DocumentType type, byte[] pdf) {
        FormFieldReader.Result read =
                FormFieldReader.read(workbooks.layout(type), UploadedPdf.formFields(pdf, pdfLimits), limits.maxItems());
        return WorkbookImport.checked(type, read.document(), read.warnings(), read::located);
    }
}
