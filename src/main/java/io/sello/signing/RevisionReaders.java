package io.sello.signing;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.pades.validation.PdfSignatureDictionary;
import eu.europa.esig.dss.pades.validation.PdfSignatureField;
import eu.europa.esig.dss.pdf.AnnotationBox;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.PdfAnnotation;
import eu.europa.esig.dss.pdf.PdfArray;
import eu.europa.esig.dss.pdf.PdfDict;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.PdfDssDict;
import eu.europa.esig.dss.pdf.openpdf.ITextDefaultPdfObjFactory;
import eu.europa.esig.dss.pdf.openpdf.ITextPDFSignatureService;
import eu.europa.esig.dss.pdf.openpdf.visible.ITextDefaultSignatureDrawerFactory;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * EU DSS's OpenPDF object factory for <em>one</em> validation, whose services parse each distinct revision of the file
 * once instead of once per use (issue 16: a 3-signature B-LTA Formulario N.5.B verified in under 50 ms).
 *
 * <p>DSS 6.1 opens a new reader every time it looks at a revision: for the 13 revisions of a three-sign-off B-LTA form
 * that is 35 full parses per validation ({@code AbstractPDFSignatureService.getRevisions}: the whole file, then each
 * signed revision and the revision before it; {@code analyzePdfModifications}: the whole file and each signed revision
 * again), about 40 % of the validation's time in OpenPDF's tokenizer. Here a revision whose bytes were parsed before
 * in the same validation gets the <em>same</em> parsed reader back. That is exactly what DSS would have read: the key
 * is the revision's bytes themselves (compared in full, not by a digest or an offset), OpenPDF's parse of the same
 * bytes is the same, and in validation DSS only reads a reader (its sources: the readers answer the signature
 * dictionaries, the /DSS dictionary, pages, annotations and the object tree, and {@code extractSigDictionaries} is
 * already memoised per reader). The one mutator DSS's reader has, {@link PdfDocumentReader#setVersion}, is refused.
 * A copy of a parse ({@code new PdfReader(PdfReader)}) was tried first and changed DSS's verdict to FORMAT_FAILURE
 * (docs/benchmarks.md); the shared reader keeps every verdict of the tests.
 *
 * <p>Scope and bounds: one instance per {@link TrustValidator#rateAll} call and the thread that makes it, never
 * shared, so there is no state between validations and no locking; {@link #close} releases every parse. At most
 * {@link #BUDGET} bytes of revisions are kept (each cached reader holds its revision's bytes and object tree); past
 * that a revision is parsed each time, as DSS does on its own. Password-protected files are never cached.
 */
final class RevisionReaders extends ITextDefaultPdfObjFactory implements AutoCloseable {
    /** Revision bytes kept parsed per validation: a 13-revision B-LTA form of 380 KB holds about 3 MB. */
    static final long BUDGET = 32L * 1024 * 1024;

    private final List<Parsed> parsed = new ArrayList<>();
    private long held;
    private int parses;
    private int reuses;

    private record Parsed(byte[] bytes, PdfDocumentReader reader) {}

    @Override
    public PDFSignatureService newPAdESSignatureService() {
        return configure(new Service(PDFServiceMode.SIGNATURE));
    }

    @Override
    public PDFSignatureService newContentTimestampService() {
        return configure(new Service(PDFServiceMode.CONTENT_TIMESTAMP));
    }

    @Override
    public PDFSignatureService newSignatureTimestampService() {
        return configure(new Service(PDFServiceMode.SIGNATURE_TIMESTAMP));
    }

    @Override
    public PDFSignatureService newArchiveTimestampService() {
        return configure(new Service(PDFServiceMode.ARCHIVE_TIMESTAMP));
    }

    /** Full parses made so far (for the benchmark and the test: fewer than DSS's own count, never zero). */
    int parses() {
        return parses;
    }

    /** Readers handed out again instead of a new parse. */
    int reuses() {
        return reuses;
    }

    @Override
    public void close() {
        for (Parsed p : parsed) {
            try {
                p.reader().close();
            } catch (IOException | RuntimeException e) {
                // a reader over bytes in memory holds no file; nothing to report
            }
        }
        parsed.clear();
        held = 0;
    }

    private PdfDocumentReader reader(DSSDocument document, char[] password, Service service) throws IOException {
        if (password != null && password.length > 0) {
            return service.parse(document, password);
        }
        byte[] bytes = bytes(document);
        for (Parsed p : parsed) {
            if (Arrays.equals(p.bytes(), bytes)) {
                reuses++;
                return new Shared(p.reader());
            }
        }
        parses++;
        PdfDocumentReader reader = service.parse(document, null);
        if (held + bytes.length > BUDGET) {
            return reader; // DSS closes it, as it closes its own
        }
        held += bytes.length;
        parsed.add(new Parsed(bytes, reader));
        return new Shared(reader);
    }

    /**
     * All of a revision's bytes. Not {@code readAllBytes()}: DSS 6.1's {@code ByteRangeInputStream} answers a read of
     * zero bytes with -1, so {@code readAllBytes} stops at its first full 8 KB buffer and every revision would look
     * the same; {@code transferTo} reads in whole buffers, as OpenPDF does.
     */
    private static byte[] bytes(DSSDocument document) throws IOException {
        try (InputStream in = document.openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** DSS's OpenPDF service, reading revisions through this validation's parses. */
    private final class Service extends ITextPDFSignatureService {
        Service(PDFServiceMode mode) {
            super(mode, new ITextDefaultSignatureDrawerFactory());
        }

        @Override
        protected PdfDocumentReader loadPdfDocumentReader(DSSDocument document, char[] password) throws IOException {
            return reader(document, password, this);
        }

        PdfDocumentReader parse(DSSDocument document, char[] password) throws IOException {
            return super.loadPdfDocumentReader(document, password);
        }
    }

    /**
     * A parse lent to DSS: DSS closes every reader it opens (try-with-resources), but the parse stays open for the next
     * use within the validation and is closed by {@link RevisionReaders#close}.
     */
    private static final class Shared implements PdfDocumentReader {
        private final PdfDocumentReader reader;

        Shared(PdfDocumentReader reader) {
            this.reader = reader;
        }

        @Override
        public void close() {
            // kept for the rest of the validation
        }

        @Override
        public void setVersion(float version) {
            throw new UnsupportedOperationException("a revision parsed for validation is shared and read only");
        }

        @Override
        public PdfDssDict getDSSDictionary() {
            return reader.getDSSDictionary();
        }

        @Override
        public Map<PdfSignatureDictionary, List<PdfSignatureField>> extractSigDictionaries() throws IOException {
            return reader.extractSigDictionaries();
        }

        @Override
        public boolean isSignatureCoversWholeDocument(PdfSignatureDictionary signatureDictionary) {
            return reader.isSignatureCoversWholeDocument(signatureDictionary);
        }

        @Override
        public int getNumberOfPages() {
            return reader.getNumberOfPages();
        }

        @Override
        public AnnotationBox getPageBox(int page) {
            return reader.getPageBox(page);
        }

        @Override
        public int getPageRotation(int page) {
            return reader.getPageRotation(page);
        }

        @Override
        public List<PdfAnnotation> getPdfAnnotations(int page) throws IOException {
            return reader.getPdfAnnotations(page);
        }

        @Override
        public BufferedImage generateImageScreenshot(int page) throws IOException {
            return reader.generateImageScreenshot(page);
        }

        @Override
        public BufferedImage generateImageScreenshotWithoutAnnotations(int page, List<PdfAnnotation> annotations)
                throws IOException {
            return reader.generateImageScreenshotWithoutAnnotations(page, annotations);
        }

        @Override
        public boolean isEncrypted() {
            return reader.isEncrypted();
        }

        @Override
        public boolean isOpenWithOwnerAccess() {
            return reader.isOpenWithOwnerAccess();
        }

        @Override
        public boolean canFillSignatureForm() {
            return reader.canFillSignatureForm();
        }

        @Override
        public boolean canCreateSignatureField() {
            return reader.canCreateSignatureField();
        }

        @Override
        public CertificationPermission getCertificationPermission() {
            return reader.getCertificationPermission();
        }

        @Override
        public boolean isUsageRightsSignaturePresent() {
            return reader.isUsageRightsSignaturePresent();
        }

        @Override
        public PdfDict getCatalogDictionary() {
            return reader.getCatalogDictionary();
        }

        @Override
        public float getPdfHeaderVersion() {
            return reader.getPdfHeaderVersion();
        }

        @Override
        public float getVersion() {
            return reader.getVersion();
        }

        @Override
        public PdfDict createPdfDict() {
            return reader.createPdfDict();
        }

        @Override
        public PdfArray createPdfArray() {
            return reader.createPdfArray();
        }
    }
}
