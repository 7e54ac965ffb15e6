package io.sello.pdfdata;

import io.sello.document.DocumentType;
import io.sello.document.InvalidInputException;
import io.sello.document.ValidationReport;
import io.sello.document.Warning;
import io.sello.input.LimitsProperties;
import io.sello.signing.PdfLimits;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sello PDF turned back into its type's JSON (issue 17, point 4): the embedded source data, checked as
 * {@code POST …/validate} checks JSON and as the spreadsheet import checks a workbook (400 with every error's
 * pointer; warnings travel in {@code Sello-Warnings}). The visible text is never read.
 */
@Component
public class PdfDataImport {
    public static final String PDF = "application/pdf";

    private final SourceReader reader;

    PdfDataImport(PdfLimits pdfLimits, LimitsProperties limits) {
        this.reader = new SourceReader(pdfLimits, limits.maxBodySize().toBytes());
    }

    /** The JSON of a PDF and the warnings of checking it. */
    public record Imported(byte[] json, List<Warning> warnings) {
        public Imported {
            Objects.requireNonNull(json, "json");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @throws PdfDataRefusedException               not a PDF (422), no Sello data in it (422), data too large (413)
     * @throws io.sello.signing.PdfRefusedException  over one of {@code sello.limits.pdf.*} (422)
     * @throws InvalidInputException                 the embedded JSON breaks the type's contract (400)
     */
    public Imported read(DocumentType type, byte[] pdf) {
        return find(type, pdf).orElseThrow(PdfDataRefusedException::noData);
    }

    /**
     * As {@link #read}, but empty when the PDF carries no Sello data, so that a caller can try something else (the
     * fields of a filled form) before answering 422.
     */
    public Optional<Imported> find(DocumentType type, byte[] pdf) {
        return reader.read(pdf).map(json -> {
            ValidationReport report = type.validate(json);
            if (!report.errors().isEmpty()) {
                throw new InvalidInputException(report.errors());
            }
            return new Imported(json, report.warnings());
        });
    }

    /** The embedded JSON of a PDF, unchecked (the registry's own files, for the verification page). */
    public Optional<byte[]> embedded(byte[] pdf) {
        return reader.read(pdf);
    }
}
