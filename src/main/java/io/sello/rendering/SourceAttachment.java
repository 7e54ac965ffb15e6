package io.sello.rendering;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfEFStream;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.xml.xmp.PdfA1Schema;
import com.lowagie.text.xml.xmp.XmpWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What makes every Sello PDF PDF/A-3b and carry its own data (issue 17, point 4), for both engines: when the
 * document closes, the request's JSON is embedded as an associated file (ISO 19005-3, 6.8: a file specification
 * with {@code /F}, {@code /UF}, {@code /AFRelationship /Source} and {@code /Desc}, listed in the catalog's
 * {@code /AF} and in {@code /Names /EmbeddedFiles}; an embedded file stream with {@code /Subtype application/json}
 * and {@code /Params /ModDate}), and the XMP metadata says {@code pdfaid:part 3, conformance B}.
 *
 * <p>It runs as a page event's {@code onCloseDocument}, which OpenPDF calls after the last page and before the
 * catalog, the name tree and the metadata are written: the one point both Flying Saucer's and JasperReports'
 * writers share, so no second pass over the file is needed. OpenPDF's own XMP writer only knows PDF/A-1
 * ({@code PdfWriter.PDFA1B} writes part 1) and JasperReports 7.0.6 writes part 3 only through Adobe's XMP library,
 * which Sello does not ship; so the packet is written here, from the same document information dictionary.
 */
public final class SourceAttachment extends PdfPageEventHelper {
    /** The media type of the embedded file, and the one {@code POST …/import} reads back. */
    public static final String MEDIA_TYPE = "application/json";

    public static final PdfName AF_RELATIONSHIP = new PdfName("AFRelationship");
    public static final PdfName SOURCE = new PdfName("Source");
    static final String DESCRIPTION = "Datos de origen (JSON) de este documento, tal como Sello los recibió";

    private final String fileName;
    private final byte[] json;
    private final int compressionLevel;

    private SourceAttachment(String fileName, byte[] json, int compressionLevel) {
        this.fileName = fileName;
        this.json = json;
        this.compressionLevel = compressionLevel;
    }

    /**
     * Registers on {@code writer}, before its document closes: PDF/A-3b metadata always, and the request's JSON
     * when {@code request} carries one and {@code embed} is on ({@code sello.rendering.embed-source}).
     */
    public static void register(PdfWriter writer, RenderRequest request, boolean embed, int compressionLevel) {
        byte[] source = embed ? request.source() : null;
        writer.setPageEvent(new SourceAttachment(fileName(request.template()), source, compressionLevel));
    }

    /** {@code poa-execution-form.json}: what a PDF reader lists among the document's attachments. */
    static String fileName(TemplateId template) {
        return template.value() + ".json";
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        try {
            if (json != null) {
                embed(writer);
            }
            writer.setXmpMetadata(pdfA3b(writer.getInfo()));
        } catch (IOException e) {
            throw new RenderingException("the source data could not be embedded", e);
        }
    }

    private void embed(PdfWriter writer) throws IOException {
        // The embedded file stream is built here rather than by PdfFileSpecification.fileEmbedded, which also writes
        // /Params /Size: the upload pre-scan (PdfPrescan) reads every "/Size n" as an object count, so a JSON over
        // sello.limits.pdf.max-objects bytes would make Sello's own signed documents unverifiable. /Size is optional.
        PdfEFStream data = new PdfEFStream(json);
        data.put(PdfName.TYPE, PdfName.EMBEDDEDFILE);
        data.put(PdfName.SUBTYPE, new PdfName(MEDIA_TYPE));
        PdfDictionary params = new PdfDictionary();
        // 6.8: the embedded file stream's /Params must give /ModDate; the document's own creation date keeps a
        // render of the same data at the same instant byte-identical.
        PdfObject created = writer.getInfo().get(PdfName.CREATIONDATE);
        params.put(PdfName.MODDATE, created != null ? created : new PdfDate());
        data.put(PdfName.PARAMS, params);
        data.flateCompress(compressionLevel);
        PdfIndirectReference stored = writer.addToBody(data).getIndirectReference();

        PdfFileSpecification file = new Specification(writer);
        file.put(PdfName.F, new PdfString(fileName));
        file.setUnicodeFileName(fileName, true);
        PdfDictionary embedded = new PdfDictionary();
        embedded.put(PdfName.F, stored);
        embedded.put(PdfName.UF, stored);
        file.put(PdfName.EF, embedded);
        file.put(AF_RELATIONSHIP, SOURCE);
        // addFileAttachment sets /Desc and writes the specification (getReference() writes it once, so every key
        // must be in place before); /AF then names the same object.
        writer.addFileAttachment(DESCRIPTION, file);
        writer.getExtraCatalog().put(PdfName.AF, new PdfArray(file.getReference()));
    }

    /** A file specification of {@code writer}: OpenPDF sets the writer only in its factory methods. */
    private static final class Specification extends PdfFileSpecification {
        Specification(PdfWriter writer) {
            this.writer = writer;
        }
    }

    /** The XMP packet OpenPDF writes for the information dictionary, with PDF/A-3b identification. */
    static byte[] pdfA3b(PdfDictionary info) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        XmpWriter xmp = new XmpWriter(out, info, PdfWriter.PDFXNONE);
        PdfA1Schema identification = new PdfA1Schema(); // the pdfaid namespace, whatever the part
        identification.addPart("3");
        identification.addConformance("B");
        xmp.addRdfDescription(identification);
        xmp.close();
        return out.toByteArray();
    }

    /**
     * A font to embed without a {@code /CIDSet}. OpenPDF writes one for every subset, listing the characters used;
     * but its subsets also keep the glyphs those characters' composite glyphs are built from, so the set is
     * incomplete, which PDF/A-2 and 3 refuse (ISO 19005-3, 6.2.11.4.2: a CIDSet, when present, identifies every CID
     * in the font program). PDF/A-1 required the key; parts 2 and 3 make it optional, so it is left out. Both engines
     * share OpenPDF's cached fonts, and all their output is PDF/A-3b, so this setting stays.
     */
    public static void withoutCidSet(BaseFont font) {
        if (font != null && font.isIncludeCidSet()) {
            font.setIncludeCidSet(false);
        }
    }

    /** The request bytes as the registry keeps them ({@code input_json}, read as UTF-8): what is embedded. */
    public static byte[] canonical(byte[] request) {
        return new String(request, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }
}
