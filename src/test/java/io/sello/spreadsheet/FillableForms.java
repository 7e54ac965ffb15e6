package io.sello.spreadsheet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fillable Formulario N.5.B filled as a person fills it in a PDF reader (PDFBox sets the values and appearances). */
public final class FillableForms {
    private FillableForms() {}

    /** A change to the document beside the typed values (a script, XFA). */
    public interface Edit {
        void accept(PDDocument document) throws IOException;
    }

    /** What a person types: the header, the second printed row with one budget line, and one signatory's name. */
    public static Map<String, String> typed() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("/header/institution", "MINISTERIO DE PRUEBA");
        values.put("/header/formTitle", "SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO");
        values.put("/header/planLabel", "ANTEPROYECTO POA 2020");
        values.put("/header/organizationalArea", "AREA DE PRUEBA");
        values.put("/header/fiscalYear", "2020");
        values.put("/header/cutOffDate", "7/7/2021");
        values.put("/header/entityCode", "41");
        values.put("/header/acronym", "PRB");
        values.put("/activities/1/code", "04.01.02.");
        values.put("/activities/1/specificActivity", "Atender solicitudes");
        values.put("/activities/1/startDate", "02/01/2020");
        values.put("/activities/1/endDate", "31/12/2020");
        values.put("/activities/1/indicator/description", "Porcentaje de Avance");
        values.put("/activities/1/indicator/cumulativeEfficacyPercent", "12.5");
        values.put("/activities/1/budgetLines/0/expenseGroup", "10000");
        values.put("/activities/1/budgetLines/0/programmed/tgn", "1237022");
        values.put("/activities/1/budgetLines/0/programmed/otherSources", "0");
        values.put("/activities/1/budgetLines/0/executed/tgn", "1000.50");
        values.put("/activities/1/budgetLines/0/executed/otherSources", "0.00");
        values.put("/signatories/1/name", "Lic. Ana Pérez");
        return values;
    }

    /** The form filled with PDFBox as a PDF reader fills it: each field's value set, its appearance regenerated. */
    public static byte[] fill(byte[] pdf, Map<String, String> values, Edit more) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            for (Map.Entry<String, String> value : values.entrySet()) {
                PDField field = form.getField(value.getKey());
                assertThat(field).as(value.getKey()).isNotNull();
                field.setValue(value.getValue());
            }
            if (more != null) {
                more.accept(document);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
