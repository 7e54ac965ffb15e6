package example.transmittal;

import io.sello.document.Catalogued;
import io.sello.document.DocumentPipeline;
import io.sello.document.DocumentSummary;
import io.sello.document.DocumentTypeId;
import io.sello.document.InputFindings;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SchemaCheck;
import io.sello.document.TotalMismatch;
import io.sello.document.Warning;
import io.sello.input.RequestBinding;
import io.sello.rendering.DocumentRenderer;
import io.sello.rendering.Engines;
import io.sello.rendering.RenderRequest;
import io.sello.rendering.TemplateId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipe of docs/architecture.md, followed to the letter: a document type that lives in this package and its
 * resource folder (report-templates/transmittal-note/: template, stylesheet, schema, example) and touches nothing
 * else. The catalogue finds it by its annotation when its package is scanned
 * ({@code sello.document-types.packages=io.sello,example.transmittal}).
 */
@Catalogued(position = 90)
public final class TransmittalNoteType extends DocumentPipeline<TransmittalNote, TransmittalNoteType.PageCount> {
    static final DocumentTypeId ID = new DocumentTypeId("transmittal-note");
    private static final TemplateId TEMPLATE = new TemplateId("transmittal-note");
    private static final String FOLDER = "report-templates/transmittal-note/";

    private final DocumentRenderer renderer;

    public TransmittalNoteType(Engines engines) {
        super(ID, FOLDER + "transmittal-note.schema.json", FOLDER + "example.json");
        this.renderer = engines.html();
        renderer.prepare(TEMPLATE);
    }

    @Override
    public String title() {
        return "Nota de remisión";
    }

    @Override
    public String description() {
        return "Nota de remisión de documentos: número, fecha, remitente, destinatario, asunto y la lista de documentos"
                + " adjuntos con sus páginas; el total de páginas lo calcula el servicio. PDF A4.";
    }

    /**
     * The schema judges the request; only one it accepts is bound, straight to the record. A type with rules the
     * schema cannot state (dates in order, repeated entries) checks them here, after binding.
     */
    @Override
    protected TransmittalNote bind(byte[] json, SchemaCheck contract, InputFindings findings) {
        return RequestBinding.bind(json, contract, TransmittalNote.class, findings);
    }

    /** The total the service computes, beside the one the sender declared. */
    record PageCount(int computed, Integer declared) {}

    @Override
    protected PageCount compute(TransmittalNote note) {
        return new PageCount(note.totalPages(), note.declaredPages());
    }

    /** A page count is exact: any difference from the declared total is an error, as the form's totals are. */
    @Override
    protected List<TotalMismatch> mismatches(PageCount pages) {
        if (pages.declared() == null || pages.declared() == pages.computed()) {
            return List.of();
        }
        return List.of(TotalMismatch.exact(
                "/declaredPages", BigDecimal.valueOf(pages.declared()), BigDecimal.valueOf(pages.computed())));
    }

    @Override
    protected RenderedDocument layOut(
            TransmittalNote note, PageCount pages, byte[] json, RenderOptions options, List<Warning> warnings) {
        Map<String, Object> p = new LinkedHashMap<>();
        String title = "Nota de remisión " + note.number();
        p.put("title", title);
        p.put("number", note.number());
        p.put("date", DocumentSummary.day(note.date()));
        p.put("sender", note.sender());
        p.put("recipient", note.recipient());
        p.put("subject", note.subject());
        p.put("totalPages", String.valueOf(pages.computed()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < note.enclosures().size(); i++) {
            rows.add(Map.of(
                    "n",
                    String.valueOf(i + 1),
                    "title",
                    note.enclosures().get(i).title(),
                    "pages",
                    String.valueOf(note.enclosures().get(i).pages())));
        }
        byte[] pdf = renderer.render(new RenderRequest(TEMPLATE, title, p, rows).withSource(json));
        return RenderedDocument.pdf(
                pdf, "nota-de-remision-" + note.number().replaceAll("[^A-Za-z0-9]+", "-") + ".pdf", warnings);
    }

    @Override
    protected DocumentSummary summarize(TransmittalNote note) {
        return new DocumentSummary(
                "Nota de remisión " + note.number(), note.sender(), note.subject(), DocumentSummary.day(note.date()));
    }
}
