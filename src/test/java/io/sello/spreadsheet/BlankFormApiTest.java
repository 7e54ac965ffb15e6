package io.sello.spreadsheet;

import io.sello.support.PdfDocument;
import io.sello.support.PdfRuns;
import io.sello.support.PdfRuns.Run;
import io.sello.support.SlowTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, point 3 over HTTP: the blank Formulario N.5.B, the fillable one filled in PDFBox and uploaded back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SlowTest
class BlankFormApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORM = "/api/v1/document-types/poa-execution-form/";
    private static final String IMPORT = "/api/v1/documents/poa-execution-form/import";
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theBlankFormIsThePaperFormWithEmptyRowsAndItsSignatureBlock() throws Exception {
        HttpResponse<byte[]> response = get(FORM + "blank.pdf?rows=15"); // no user: open, as the schema is
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        List<Run> runs = PdfRuns.of(response.body());
        PdfDocument pdf = PdfDocument.of(response.body());

        // Title block above the headings, on every page; headings with the column numbers (1)…(13), no (6).
        for (int page = 1; page <= pdf.pageCount(); page++) {
            Run programme = first(runs, page, "PROGRAMACION");
            Run formCode = first(runs, page, "(FORMULARIO");
            Run code = first(runs, page, "CODIGO");
            assertThat(programme.y()).isLessThan(formCode.y());
            assertThat(formCode.y()).isLessThan(code.y());
            for (int n = 1; n <= 13; n++) {
                String number = "(" + n + ")";
                assertThat(runs.stream()
                                .filter(r -> r.page() == code.page() && r.text().equals(number))
                                .count())
                        .as("column number " + number)
                        .isEqualTo(n == 6 ? 0 : 1);
            }
            assertThat(pdf.page(page))
                    .contains(
                            "Area Organizacional",
                            "Gestión del POA",
                            "Fecha de Corte",
                            "Sigla",
                            "Página " + page + " de " + pdf.pageCount());
        }
        // 15 empty activities: one printed TOTAL line each, in the GRUPO DE GASTO column, and nothing typed in the
        // rows.
        List<Run> totals = activityTotals(runs);
        assertThat(totals).hasSize(15);
        Run firstTotal = totals.get(0);
        assertThat(runs.stream()
                        .filter(r ->
                                r.page() == 1 && r.y() > first(runs, 1, "(12)").y() + 2 && r.y() < firstTotal.y() - 1))
                .as("the first activity's cells are empty")
                .isEmpty();

        // TOTAL PARCIAL, TOTAL GENERAL, then the signature block, all on the last page.
        int last = pdf.pageCount();
        Run partial = first(runs, last, "PARCIAL");
        Run responsible = first(runs, last, "RESPONSABLES");
        Run elaborado = first(runs, last, "Elaborado");
        Run aprobado = first(runs, last, "Aprobado");
        assertThat(partial.y()).isLessThan(responsible.y());
        assertThat(responsible.y()).isLessThan(elaborado.y());
        assertThat(elaborado.y()).isLessThan(aprobado.y());
        assertThat(pdf.page(last)).contains("NOMBRE", "CARGO", "FIRMA", "Revisado por:", "TOTAL GENERAL");
        assertThat(totals.get(14).page()).isEqualTo(last);
        System.out.println(
                "blank Formulario N.5.B, 15 rows: " + pdf.pageCount() + " pages, " + response.body().length + " bytes");
    }

    @Test
    void manyRowsMakeMorePagesAndRowsOutOfRangeAre400NamingRows() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> most = get(FORM + "blank.pdf?rows=" + BlankFormController.MAX_ROWS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(most.statusCode()).isEqualTo(200);
        PdfDocument pdf = PdfDocument.of(most.body());
        // 11 empty activities fit a page under the headings (the first page shows 11); the last also takes the totals.
        assertThat(pdf.pageCount()).isBetween(BlankFormController.MAX_ROWS / 12, BlankFormController.MAX_ROWS / 10 + 1);
        assertThat(pdf.page(pdf.pageCount()))
                .contains("Aprobado por:", "Página " + pdf.pageCount() + " de " + pdf.pageCount());
        System.out.println("blank Formulario N.5.B, " + BlankFormController.MAX_ROWS + " rows: " + pdf.pageCount()
                + " pages, " + most.body().length + " bytes, " + millis + " ms");
        assertThat(activityTotals(PdfRuns.of(most.body()))).hasSize(BlankFormController.MAX_ROWS);
        assertThat(activityTotals(PdfRuns.of(get(FORM + "blank.pdf").body())))
                .as("rows by default")
                .hasSize(BlankFormController.DEFAULT_ROWS);

        for (String rows : new String[] {"0", String.valueOf(BlankFormController.MAX_ROWS + 1), "abc", "-3"}) {
            HttpResponse<byte[]> refused = get(FORM + "fillable.pdf?rows=" + rows);
            assertThat(refused.statusCode()).as(rows).isEqualTo(400);
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("errors").get(0).get("pointer").stringValue())
                    .isEqualTo("/rows");
            assertThat(problem.get("detail").stringValue())
                    .contains("rows must be a whole number from 1 to " + BlankFormController.MAX_ROWS);
        }
        HttpResponse<byte[]> spanish = get(FORM + "blank.pdf?rows=0", "es");
        assertThat(JSON.readTree(spanish.body())
                        .get("errors")
                        .get(0)
                        .get("message")
                        .stringValue())
                .isEqualTo(
                        "El parámetro rows debe ser un número entero de 1 a 300 (las filas vacías que se imprimen), se recibió «0»");

        HttpResponse<byte[]> amendment = get("/api/v1/document-types/agreement-amendment/blank.pdf");
        assertThat(amendment.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(amendment.body()).get("type").stringValue()).isEqualTo("/problems/no-blank-form");
        assertThat(get("/api/v1/document-types/no-such-type/fillable.pdf").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFillableFormFilledInAPdfReaderGivesTheTypedValuesAsJson() throws Exception {
        HttpResponse<byte[]> fillable = get(FORM + "fillable.pdf?rows=3");
        assertThat(fillable.statusCode()).isEqualTo(200);
        // The fields are named by the JSON pointer of their value, and the printed texts are their starting values.
        try (PDDocument document = Loader.loadPDF(fillable.body())) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            assertThat(form.getField("/activities/2/budgetLines/1/executed/otherSources"))
                    .isNotNull();
            assertThat(form.getField("/activities/0/declaredTotal/programmed/tgn"))
                    .isNotNull();
            assertThat(form.getField("/activities/3/code")).as("3 rows").isNull();
            assertThat(form.getField("/header/formCode").getValueAsString()).isEqualTo("FORMULARIO N.5.B");
            assertThat(form.getField("/signatories/1/role").isReadOnly()).isTrue();
        }
        // Header fields and the second printed row, with one budget line; the first row left empty.
        HttpResponse<byte[]> imported = post(FillableForms.fill(fillable.body(), FillableForms.typed(), null), null);
        assertThat(imported.statusCode())
                .as(new String(imported.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(imported.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(imported.headers().firstValue("Sello-Warnings")).isEmpty();
        assertThat(JSON.readTree(imported.body())).isEqualTo(JSON.readTree("""
                {"header": {"institution": "MINISTERIO DE PRUEBA", "program": "PROGRAMACION DE OPERACIONES ANUAL",
                  "formTitle": "SEGUIMIENTO A LA EJECUCION FINANCIERA - MES DE JULIO", "formCode": "FORMULARIO N.5.B",
                  "planLabel": "ANTEPROYECTO POA 2020", "organizationalArea": "AREA DE PRUEBA", "fiscalYear": 2020,
                  "cutOffDate": "2021-07-07", "entityCode": "41", "acronym": "PRB"},
                 "activities": [{"code": "04.01.02.", "specificActivity": "Atender solicitudes", "startDate": "2020-01-02",
                   "endDate": "2020-12-31", "indicator": {"description": "Porcentaje de Avance", "cumulativeEfficacyPercent": "12.50"},
                   "budgetLines": [{"expenseGroup": "10000", "programmed": {"tgn": "1237022.00", "otherSources": "0.00"},
                     "executed": {"tgn": "1000.50", "otherSources": "0.00"}}]}],
                 "signatories": [{"role": "REVISADO", "name": "Lic. Ana Pérez"}]}
                """));
        // The JSON renders, as any request does.
        HttpResponse<byte[]> rendered = send(HttpRequest.newBuilder(uri("/api/v1/documents/poa-execution-form"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofByteArray(imported.body())));
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(PdfDocument.of(rendered.body()).text())
                .contains("MINISTERIO DE PRUEBA", "1,237,022.00", "Lic. Ana Pérez");
    }

    @Test
    void javaScriptIsReadNotRunAndXfaIsIgnored() throws Exception {
        byte[] fillable = get(FORM + "fillable.pdf?rows=2").body();
        byte[] scripted = FillableForms.fill(fillable, FillableForms.typed(), document -> {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            // Were it run, it would overwrite the entity code and the acronym and raise an alert.
            String script =
                    "this.getField('/header/entityCode').value = '666'; event.value = 'HACKED'; app.alert('ejecutado');";
            for (String name : List.of("/header/acronym", "/activities/1/code")) {
                PDField field = form.getField(name);
                PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
                actions.setK(new PDActionJavaScript(script));
                actions.setF(new PDActionJavaScript(script));
                actions.setC(new PDActionJavaScript(script));
                field.getCOSObject().setItem(COSName.AA, actions);
            }
            document.getDocumentCatalog().setOpenAction(new PDActionJavaScript(script));
            // XFA data that says otherwise: never read.
            COSStream xfa = document.getDocument().createCOSStream();
            try (OutputStream out = xfa.createOutputStream()) {
                out.write(
                        ("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><xfa:datasets xmlns:xfa=\"http://www.xfa.org/schema/xfa-data/1.0/\">"
                                        + "<xfa:data><acronym>XFA</acronym></xfa:data></xfa:datasets></xdp:xdp>")
                                .getBytes(StandardCharsets.UTF_8));
            }
            form.setXFA(new PDXFAResource(xfa));
        });
        HttpResponse<byte[]> imported = post(scripted, null);
        assertThat(imported.statusCode())
                .as(new String(imported.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode json = JSON.readTree(imported.body());
        assertThat(json.at("/header/acronym").stringValue()).isEqualTo("PRB");
        assertThat(json.at("/header/entityCode").stringValue()).isEqualTo("41");
        assertThat(json.at("/activities/0/code").stringValue()).isEqualTo("04.01.02.");
        assertThat(new String(imported.body(), StandardCharsets.UTF_8)).doesNotContain("HACKED", "666", "XFA");
        String warnings = imported.headers().firstValue("Sello-Warnings").orElseThrow();
        assertThat(warnings).contains("pdf-scripts-ignored", "pdf-xfa-ignored");
    }

    @Test
    void badValuesAre400NamingTheFieldInSpanishForStaff() throws Exception {
        byte[] fillable = get(FORM + "fillable.pdf?rows=2").body();
        Map<String, String> values = FillableForms.typed();
        values.put("/activities/1/budgetLines/0/programmed/tgn", "mil");
        values.put("/activities/1/budgetLines/0/executed/tgn", "1237022.004");
        values.put("/activities/1/endDate", "31/02/2020");
        byte[] filled = FillableForms.fill(fillable, values, null);
        HttpResponse<byte[]> response = post(filled, null);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/invalid-input");
        Map<String, String> errors = new LinkedHashMap<>();
        problem.get("errors")
                .forEach(e -> errors.put(
                        e.get("pointer").stringValue(), e.get("message").stringValue()));
        assertThat(errors)
                .containsEntry(
                        "/activities/0/budgetLines/0/programmed/tgn",
                        "Form field /activities/1/budgetLines/0/programmed/tgn (Partida · PROGRAMADO · T.G.N.): expected an amount but got \"mil\"");
        assertThat(errors)
                .containsEntry(
                        "/activities/0/budgetLines/0/executed/tgn",
                        "Form field /activities/1/budgetLines/0/executed/tgn (Partida · EJECUTADO · T.G.N.): expected at most 2 decimal places but got 1237022.004 (nothing is rounded)");
        assertThat(errors)
                .containsEntry(
                        "/activities/0/endDate",
                        "Form field /activities/1/endDate (Actividad · (5) FECHA FIN): expected a date dd/mm/yyyy but got \"31/02/2020\"");

        JsonNode spanish = JSON.readTree(post(filled, "es").body());
        assertThat(spanish.get("errors").findValuesAsString("message"))
                .contains(
                        "Campo /activities/1/budgetLines/0/programmed/tgn (Partida · PROGRAMADO · T.G.N.): se esperaba un importe, se recibió «mil»");

        // A required value left empty is refused by the type's own checks, located at the printed row.
        Map<String, String> missing = FillableForms.typed();
        missing.remove("/activities/1/specificActivity");
        JsonNode refused = JSON.readTree(
                post(FillableForms.fill(fillable, missing, null), null).body());
        assertThat(refused.get("errors")).anySatisfy(error -> {
            assertThat(error.get("pointer").stringValue()).isEqualTo("/activities/0/specificActivity");
            assertThat(error.get("message").stringValue()).startsWith("Form field /activities/1 (Actividad 2): ");
        });

        HttpResponse<byte[]> notPdf = post("no es un PDF".getBytes(StandardCharsets.UTF_8), null);
        assertThat(notPdf.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(notPdf.body()).get("type").stringValue()).isEqualTo("/problems/unreadable-pdf");
        HttpResponse<byte[]> noFields = post(
                get("/api/v1/document-types/poa-execution-form/blank.pdf?rows=1")
                        .body(),
                null);
        assertThat(noFields.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noFields.body()).get("detail").stringValue())
                .contains("no form fields", "fillable.pdf");
    }

    /** The TOTAL line of each activity: "TOTAL" in the GRUPO DE GASTO column (TOTAL PARCIAL and GENERAL start at the left). */
    private static List<Run> activityTotals(List<Run> runs) {
        Run group = first(runs, 1, "GRUPO");
        return runs.stream()
                .filter(r -> r.text().equals("TOTAL") && Math.abs(r.left() - group.left()) < 12)
                .toList();
    }

    private static Run first(List<Run> runs, int page, String text) {
        return runs.stream()
                .filter(r -> r.page() == page && r.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + text + "\" on page " + page));
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    private HttpResponse<byte[]> get(String path, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request);
    }

    private HttpResponse<byte[]> post(byte[] pdf, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(IMPORT))
                .header("Content-Type", "application/pdf")
                .header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("ana:ana-dev".getBytes(StandardCharsets.UTF_8));
    }
}
