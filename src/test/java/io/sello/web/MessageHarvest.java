package io.sello.web;

import io.sello.batch.BatchNotFoundException;
import io.sello.document.DocumentTooLargeException;
import io.sello.document.DocumentType;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.document.OutputFormat;
import io.sello.document.RenderOptions;
import io.sello.document.SchemaCheck;
import io.sello.document.TotalMismatch;
import io.sello.document.TotalsMismatchException;
import io.sello.document.UnprintableFigureException;
import io.sello.document.ValidationReport;
import io.sello.document.Warning;
import io.sello.draft.DraftConflictException;
import io.sello.draft.DraftNotFoundException;
import io.sello.http.UnknownDocumentTypeException;
import io.sello.input.JsonLimits;
import io.sello.input.StrictJson;
import io.sello.pdfdata.PdfDataMessages;
import io.sello.signing.PdfRefusedException;
import io.sello.signing.SignatureUploadRefused;
import io.sello.signing.SigningUnavailableException;
import io.sello.signoff.DocumentNotFoundException;
import io.sello.signoff.SignOffRefused;
import io.sello.spreadsheet.SpreadsheetMessages;
import io.sello.storage.Draft;
import io.sello.storage.DraftId;
import io.sello.support.Fixtures;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The messages {@link SpanishMessagesTest} checks, gathered rather than listed by hand: every example document of
 * every type broken in every place it can be broken (each field removed, blanked, too long, of the wrong type, an
 * impossible date, a negative, over-precise or over-large amount, invisible and mis-encoded characters, an unknown
 * field, a duplicated list item) and in the ways the readers check across fields, the hostile bodies of
 * {@link HostileCases} (transport and JSON, unicode tricks) sent through the same checks as the controllers, and every
 * problem {@link ProblemDetailsAdvice} and the security filters answer, produced from its exception.
 */
final class MessageHarvest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FAULTY_VALUES = """
            [null, "", "   ", "abc", "2021-02-30", "31/12/2020", -5, "-5", 1.234, "1.234", 12345678901234567,
             "999999999999.99", 100000000, 0, true, [], {}, [1], {"zz": 1}, "AÃ±o Ã©xito",
             "a\\u202Eb", "a\\u200Db", "a\\u2028b", "a\\u2029b", "a\\u00ADb", "a\\u0007b", "a\\ud800b", "a\\uFE0Fb",
             "a\\u3164b", "a\\u180Eb", "a\\udb40\\udc41b", "a\\u200Bb", "a\\u2060b", "a\\u034Fb", "HALF_EVEN", "usd + zz",
             "1999-01-01", 1]
            """;

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    /** English message → where it was produced, for the failure message. */
    final Map<String, String> english = new LinkedHashMap<>();
    /** The texts of the problems once through {@link SpanishAnswers} → where they were produced. */
    final Map<String, String> spanishProblems = new LinkedHashMap<>();

    /** Runs every source of messages once. */
    static MessageHarvest gather() throws Exception {
        MessageHarvest harvest = new MessageHarvest();
        harvest.run();
        return harvest;
    }

    private void run() throws Exception {
        List<JsonNode> faulty = new ArrayList<>();
        JSON.readTree(FAULTY_VALUES).forEach(faulty::add);
        faulty.add(JSON.getNodeFactory().stringNode("A".repeat(4001)));
        try (Stream<Path> files = Files.walk(Path.of("examples"))) {
            List<Path> examples = files.filter(p -> p.toString().endsWith(".json"))
                    .filter(p -> Fixtures.read(p).length
                            < 30_000) // the two seed-003 documents repeat the smaller ones' shapes
                    .sorted(Comparator.comparingLong(p -> p.toFile().length()))
                    .toList();
            Set<String> seen = new HashSet<>();
            for (Path example : examples) {
                DocumentType type = Fixtures.types()
                        .find(example.getParent().getFileName().toString())
                        .orElseThrow();
                JsonNode root = JSON.readTree(Fixtures.read(example));
                breakEverywhere(type, root, root, "", seen, faulty);
            }
        }
        hostileBodies();
        structuralFaults();
        declaredTotalsThatDiffer();
        problems();
        spreadsheets();
        schemaKeywords();
        PdfDataMessages.problems().forEach(problem -> problem(problem, "PdfDataProblems"));
    }

    /**
     * Every wording of the run-time schema check (issue 18, point 1), keyword by keyword, from a small schema that has
     * each one: the real schemas and readers agree so well that breaking the examples reaches only a few of them.
     */
    private void schemaKeywords() {
        SchemaCheck check = new SchemaCheck("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "additionalProperties": false,
                 "required": ["code"],
                 "properties": {
                   "code": {"type": "string", "pattern": "^[0-9]{2}$", "minLength": 1, "maxLength": 3},
                   "count": {"type": "integer", "minimum": 1, "maximum": 9},
                   "rate": {"type": "number"}, "flag": {"type": "boolean"}, "part": {"type": "object"},
                   "kind": {"enum": ["A", "B"]},
                   "pair": {"type": "array", "minItems": 2, "maxItems": 2},
                   "one": {"type": "array", "minItems": 1},
                   "either": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
                   "not": {"not": {"type": "string"}},
                   "closed": {"type": "object", "additionalProperties": false},
                   "between": {"type": "number", "exclusiveMinimum": 1, "exclusiveMaximum": 5}
                 }}""");
        for (String body : List.of(
                "{\"count\": 0, \"extra\": 1}",
                "{\"code\": \"1\", \"count\": 10}",
                "{\"code\": \"\", \"pair\": [1], \"one\": []}",
                "{\"code\": \"1234\", \"pair\": [1, 2, 3]}",
                "{\"code\": 5, \"count\": \"x\", \"rate\": true, \"flag\": 1, \"part\": [], \"kind\": \"C\"}",
                "{\"code\": \"12\", \"either\": true, \"not\": \"x\", \"pair\": {}}",
                "{\"code\": \"12\", \"closed\": {\"x\": 1}, \"between\": 1}",
                "{\"code\": \"12\", \"between\": 5}")) {
            check.check(Fixtures.utf8(body)).forEach(e -> english.putIfAbsent(e.message(), "SchemaCheck " + body));
        }
    }

    /** The spreadsheet import's located cell errors, warnings and refusals (issue 17), each from a workbook that produces it. */
    private void spreadsheets() throws Exception {
        SpreadsheetMessages spreadsheets = SpreadsheetMessages.gather();
        spreadsheets.english.forEach(english::putIfAbsent);
        spreadsheets.problems.forEach(problem -> problem(problem, "SpreadsheetController"));
        spreadsheets.invalid.forEach(e -> problem(advice.invalidInput(e), "WorkbookReader"));
    }

    /** Each place of the document, once per type and path (list indices aside), broken in every way that applies. */
    private void breakEverywhere(
            DocumentType type, JsonNode root, JsonNode node, String pointer, Set<String> seen, List<JsonNode> faulty) {
        if (!pointer.isEmpty() && seen.add(type.id().value() + pointer.replaceAll("/\\d+", "/#"))) {
            for (JsonNode value : node.isValueNode() ? faulty : faulty.subList(0, 6)) {
                check(type, replaced(root, pointer, value), pointer + " := " + value);
            }
            check(type, replaced(root, pointer, null), pointer + " removed");
        }
        if (node.isArray()
                && !node.isEmpty()
                && seen.add(type.id().value() + pointer.replaceAll("/\\d+", "/#") + " twice")) {
            {
                ArrayNode twice = ((ArrayNode) node.deepCopy()).add(node.get(0).deepCopy());
                check(type, replaced(root, pointer, twice), pointer + " with its first item twice");
                check(type, replaced(root, pointer, JSON.createArrayNode()), pointer + " empty");
            }
        }
        if (node.isObject()) {
            ObjectNode extra = ((ObjectNode) node.deepCopy()).put("zzDesconocido", 1);
            if (seen.add(type.id().value() + pointer.replaceAll("/\\d+", "/#") + " extra")) {
                check(
                        type,
                        pointer.isEmpty() ? extra : replaced(root, pointer, extra),
                        pointer + " with an unknown field");
            }
            for (String name : node.propertyNames()) {
                breakEverywhere(
                        type,
                        root,
                        node.get(name),
                        pointer + "/" + name.replace("~", "~0").replace("/", "~1"),
                        seen,
                        faulty);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                breakEverywhere(type, root, node.get(i), pointer + "/" + i, seen, faulty);
            }
        }
    }

    /** A copy of {@code root} with the value at {@code pointer} replaced, or removed when {@code value} is null. */
    private static JsonNode replaced(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        }
        return copy;
    }

    private void check(DocumentType type, JsonNode document, String where) {
        check(type, JSON.writeValueAsBytes(document), where);
    }

    /** What POST …/validate does with a body: the controller's JSON checks, then the type's own. */
    private void check(DocumentType type, byte[] body, String where) {
        String origin = type.id().value() + " " + where;
        try {
            StrictJson.checkLimits(body, JsonLimits.DEFAULTS);
            ValidationReport report = type.validate(body);
            report.errors().forEach(e -> english.putIfAbsent(e.message(), origin));
            report.warnings().forEach(w -> english.putIfAbsent(w.message(), origin));
        } catch (InvalidInputException e) {
            problem(advice.invalidInput(e), origin);
        } catch (DocumentTooLargeException e) {
            problem(advice.documentTooLarge(e), origin);
        } catch (UnprintableFigureException e) {
            problem(advice.unprintableFigure(e), origin);
        }
    }

    /**
     * Faults that breaking one value at a time does not reach: combinations the readers check across fields.
     * Each line: an example (or {@code small-form}, Fixtures.smallForm()), then {@code pointer = JSON} edits.
     */
    private static final String STRUCTURAL = """
            budget-summary/resumen-subproyectos.json :: /tables/0/columns/5/sum = ["usd"]
            budget-summary/resumen-subproyectos.json :: /tables/0/columns = [{"key": "a", "header": "A", "currency": "USD", "hidden": true}]
            budget-summary/resumen-subproyectos.json :: /tables/0/rounding = "display" :: /tables/0/columns/1/convert = {"from": "chf", "rate": {"base": "CHF", "value": 1.2}, "rounding": "HALF_EVEN"}
            budget-summary/resumen-subproyectos.json :: /tables/0/columns/1/convert = {"from": "executed", "rate": {"base": "USD", "value": 1.2}}
            budget-summary/resumen-subproyectos.json :: /tables/0/columns/2/convert = {"from": "usd", "rate": {"base": "USD", "value": 1.2}}
            budget-summary/resumen-subproyectos.json :: /tables/0/columns/1/convert = {"from": "chf", "rate": {"base": "EUR", "value": 1.2}}
            budget-summary/resumen-subproyectos.json :: /tables/0/columns/1/convert = {"from": "chf", "rate": {"base": "CHF", "value": "0.00"}}
            budget-summary/resumen-subproyectos.json :: /signatories = [{"role": "ELABORADO"}, {"role": "ELABORADO"}]
            budget-summary/resumen-subproyectos.json :: /tables/0/columns/5/formula = "chf + usd"
            budget-summary/resumen-subproyectos.json :: /tables/0/rows/6/group = true :: /tables/0/rows/6/values = {"usd": 1}
            budget-summary/resumen-subproyectos.json :: /tables/0/rows/0 = {"heading": "X", "declared": {"available": 1}}
            budget-summary/resumen-subproyectos.json :: /tables/0/notes = ["n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n","n"]
            operational-plan/small-plan.json :: /sections/0/sections/0/sections = [{"title": "x", "sections": [{"title": "y"}]}]
            operational-plan/small-plan.json :: /sections/0/blocks/0/paragraph/1 = {"text": "x", "number": 2}
            agreement-amendment/minimal.json :: /locale = "fr"
            agreement-amendment/minimal.json :: /project/validTo = "1990-01-01"
            poa-execution-form/small-form :: /activities/0/endDate = "2000-01-01" :: /activities/0/budgetLines/1/expenseGroup = "20000"
            poa-execution-form/small-form :: /activities/0/budgetLines/0/executed/tgn = "999999999999.99" :: /activities/0/budgetLines/1/executed/tgn = "999999999999.99"
            """;

    private void structuralFaults() {
        for (String line : STRUCTURAL.strip().split("\n")) {
            String[] parts = line.split(" :: ");
            Path example = Path.of("examples", parts[0]);
            DocumentType type = Fixtures.types()
                    .find(example.getParent().getFileName().toString())
                    .orElseThrow();
            JsonNode document = JSON.readTree(
                    parts[0].endsWith("small-form") ? Fixtures.utf8(Fixtures.smallForm()) : Fixtures.read(example));
            for (int i = 1; i < parts.length; i++) {
                String[] edit = parts[i].split(" = ", 2);
                document = replaced(document, edit[0], JSON.readTree(edit[1]));
            }
            check(type, document, line);
        }
        // a budget table of seed 003 twice in one Plan Operativo, under the same id
        JsonNode table = JSON.readTree(Fixtures.read(Path.of("examples/budget-summary/resumen-subproyectos.json")))
                .at("/tables/0");
        JsonNode plan = JSON.readTree(Fixtures.read(Path.of("examples/operational-plan/small-plan.json")));
        ObjectNode block = JSON.createObjectNode().set("budget", table);
        plan = replaced(replaced(plan, "/sections/0/blocks/0", block), "/sections/0/blocks/1", block);
        check(Fixtures.plan(), plan, "one budget table id twice in a plan");
        // one activity more than Formulario N.5.B takes
        ObjectNode form = (ObjectNode) JSON.readTree(Fixtures.smallForm());
        ArrayNode activities = form.putArray("activities");
        JsonNode activity = JSON.readTree(Fixtures.smallForm()).at("/activities/1");
        for (int i = 0; i <= 15_000; i++) {
            activities.add(activity);
        }
        check(Fixtures.poaForm(), form, "15,001 activities");
    }

    /** The bodies of HostileCases' "transport and JSON" and "unicode tricks" that reach the JSON checks. */
    private void hostileBodies() {
        DocumentType form = Fixtures.poaForm();
        String small = Fixtures.smallForm();
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty body", new byte[0]);
        bodies.put("only spaces", Fixtures.utf8("   "));
        bodies.put("not JSON at all", Fixtures.utf8("<form>hola</form>"));
        bodies.put("nested 100,000 deep", Fixtures.utf8("[".repeat(100_000) + "]".repeat(100_000)));
        bodies.put(
                "a string of 150,000 characters",
                Fixtures.utf8(small.replace("MINISTERIO DE PRUEBA", "A".repeat(150_000))));
        bodies.put(
                "a field name of 150,000 characters",
                Fixtures.utf8(small.replace("\"acronym\"", "\"" + "a".repeat(150_000) + "\"")));
        bodies.put("a number of 5,000 digits", Fixtures.utf8(small.replace("1000.50", "1" + "0".repeat(5000))));
        bodies.put("1e1000000000", Fixtures.utf8(small.replace("1000.50", "1e1000000000")));
        bodies.put("1e-1000000000", Fixtures.utf8(small.replace("1000.50", "1e-1000000000")));
        bodies.put(
                "a duplicated key",
                Fixtures.utf8(
                        small.replace("\"entityCode\": \"7\",", "\"entityCode\": \"7\", \"entityCode\": \"8\",")));
        bodies.put("trailing tokens", Fixtures.utf8(small + " {\"more\": 1}"));
        bodies.put("cut short", Fixtures.utf8(small.substring(0, small.length() / 2)));
        bodies.put("a missing comma", Fixtures.utf8(small.replace("\"entityCode\": \"7\",", "\"entityCode\": \"7\"")));
        bodies.put("a bare word", Fixtures.utf8(small.replace("1000.50", "mil")));
        bodies.put("a bracket closing an object", Fixtures.utf8("{\"header\": 1]"));
        bodies.put("a leading zero", Fixtures.utf8(small.replace("1000.50", "01000.50")));
        bodies.put(
                "a raw control character in a string",
                Fixtures.utf8(small.replace("MINISTERIO DE PRUEBA", "MINISTERIO\u0007")));
        bodies.put(
                "NaN and Infinity",
                Fixtures.utf8(small.replace("1000.50", "NaN").replace("\"300.25\"", "Infinity")));
        bodies.put("an array as the document", Fixtures.utf8("[1, 2, 3]"));
        bodies.put("null as the document", Fixtures.utf8("null"));
        bodies.put("100,001 list items", Fixtures.utf8("{\"activities\": [" + "0,".repeat(100_000) + "0]}"));
        byte[] broken = Fixtures.utf8(small.replace("MINISTERIO DE PRUEBA", "MINISTERIO @@"));
        for (int i = 0; i < broken.length - 1; i++) {
            if (broken[i] == '@' && broken[i + 1] == '@') {
                broken[i] = (byte) 0xC3;
                broken[i + 1] = (byte) 0x28;
                break;
            }
        }
        bodies.put("invalid UTF-8 bytes", broken);
        bodies.put(
                "an unpaired surrogate in a name",
                Fixtures.utf8(small.replace("MINISTERIO DE PRUEBA", "Ana \\ud800Quispe")));
        bodies.put("a NUL character", Fixtures.utf8(small.replace("Capacitación", "Capa\\u0000citación")));
        bodies.forEach((name, body) -> check(form, body, name));
    }

    /** Declared figures that differ: the 422's detail and warnings, and the warnings of a lenient render. */
    private void declaredTotalsThatDiffer() {
        TotalMismatch error = TotalMismatch.exact(
                "/declaredTotals/general/programmed", new BigDecimal("10.00"), new BigDecimal("12.00"));
        TotalMismatch rounding = TotalMismatch.classified(
                "/tables/0/rows/3/declared/usd",
                null,
                new BigDecimal("1288584"),
                new BigDecimal("1288583"),
                new BigDecimal("1.5"));
        problem(advice.totalsMismatch(new TotalsMismatchException(List.of(error), List.of())), "one declared total");
        problem(
                advice.totalsMismatch(new TotalsMismatchException(
                        List.of(error, rounding),
                        List.of(new Warning("/x", "text-repaired", "repaired mis-encoded text \"AÃ±o\" to \"Año\"")))),
                "two declared totals");
        // the budget tables of seed 003 (CSV: no PDF needed) and Formulario N.5.B, rendered leniently
        for (Path example : List.of(
                Path.of("examples/budget-summary/cuadro-1-programa.json"),
                Path.of("examples/budget-summary/turismo-gastos-operativos.json"))) {
            DocumentType budget = Fixtures.types().find("budget-summary").orElseThrow();
            budget.render(Fixtures.read(example), new RenderOptions(true, OutputFormat.CSV))
                    .warnings()
                    .forEach(w -> english.putIfAbsent(w.message(), "lenient " + example));
            try {
                budget.render(Fixtures.read(example), new RenderOptions(false, OutputFormat.CSV));
            } catch (TotalsMismatchException e) {
                problem(advice.totalsMismatch(e), "strict " + example);
            }
        }
        String form = Fixtures.smallForm()
                .replace(
                        "\"activities\": [",
                        "\"declaredTotals\": {\"general\": {\"programmed\": 1}},\n\"activities\": [");
        DocumentType poa = Fixtures.poaForm();
        poa.render(Fixtures.utf8(form), new RenderOptions(true, OutputFormat.PDF))
                .warnings()
                .forEach(w -> english.putIfAbsent(w.message(), "lenient form with a declared total"));
        english.putIfAbsent(error.describe() + "; the computed figure was printed", "TotalMismatch, form");
        english.putIfAbsent(
                error.describe() + "; the computed figure was printed with a discrepancy note",
                "TotalMismatch, budget");
        english.putIfAbsent(rounding.describe() + "; the declared figure was printed", "TotalMismatch, rounding");
        english.putIfAbsent(
                "money was executed but nothing was programmed; % ejecución is printed as N/A", "PoaExecutionFormType");
    }

    /** Every problem the advice and the filters answer, from the exceptions that cause them. */
    private void problems() throws Exception {
        DocumentType budget = Fixtures.types().find("budget-summary").orElseThrow();
        problem(
                advice.unprintableFigure(
                        new UnprintableFigureException(
                                List.of(
                                        new InputError(
                                                "/tables/0/rows/3/declared/usd",
                                                "the computed figure prints as \"(1,234,567,890,123.00)\", 61.2 pt wide at 5 pt, the smallest legible size, but"
                                                        + " column \"Total US$\" of this table has 40.0 pt: it cannot be printed in full. Use fewer columns or smaller units."),
                                        new InputError(
                                                "/tables/0/rows/2/values/usd",
                                                "the figure prints as \"1\", 61.2 pt wide at 5 pt, the smallest legible"
                                                        + " size, but column \"x\" of this table has 40.0 pt: it cannot be printed in full. Use fewer columns or smaller units.")))),
                "AmountFit (its format)");
        problem(advice.busy(new RenderGate.RenderBusyException(3)).getBody(), "RenderGate busy");
        problem(
                advice.renderTimeout(new RenderGate.RenderTimeoutException(Duration.ofSeconds(30)))
                        .getBody(),
                "RenderGate timeout");
        for (Object[] over : new Object[][] {
            {"max-revisions", 50, "more incremental revisions"},
            {"max-signature-fields", 20, "more signature fields"},
            {"max-objects", 100000, "more objects"},
            {"max-depth", 64, "arrays or dictionaries nested deeper"},
            {"max-objects", 100000, "a cross-reference section declares 9999999 objects"},
            {"max-stream-size", 1 << 20, "a stream inflates to more"},
            {"max-decompressed-size", 1 << 26, "its streams inflate to more"}
        }) {
            problem(
                    advice.pdfRefused(
                            pdfRefused("overLimit", new Class<?>[] {String.class, Object.class, String.class}, over)),
                    "PDF over " + over[0]);
        }
        for (String why : List.of(
                "verification was stopped",
                "its objects refer to themselves or nest too deep",
                "it needs more memory than verification may use",
                "it does not parse")) {
            problem(
                    advice.pdfRefused(pdfRefused("unreadable", new Class<?>[] {String.class}, new Object[] {why})),
                    "unreadable PDF");
        }
        problem(
                advice.tooManyVerifications(new AnonymousVerifyLimit.TooManyVerificationsException(10, 42))
                        .getBody(),
                "verify limit");
        problem(
                (ProblemDetail) advice.handleMaxUploadSizeExceededException(
                                new MaxUploadSizeExceededException(10), null, null, null)
                        .getBody(),
                "upload too large");
        problem(
                (ProblemDetail) advice.handleHttpMessageNotReadable(
                                new HttpMessageNotReadableException(
                                        "x", new BodySizeFilter.BodyTooLargeException(2 * 1024 * 1024), null),
                                null,
                                null,
                                null)
                        .getBody(),
                "chunked body too large");
        problem(
                (ProblemDetail) advice.handleHttpMessageNotReadable(
                                new HttpMessageNotReadableException("x", (HttpInputMessage) null), null, null, null)
                        .getBody(),
                "unreadable body");
        for (String refused : List.of(
                "no stored document 0f3c",
                "the document is already approved: all three sign-offs are done",
                "step: the next sign-off is REVISADO, not APROBADO (the order is ELABORADO, REVISADO, APROBADO)",
                "the REVISADO sign-off needs the role REVIEWER, which ana does not hold",
                "a budget-summary has no APROBADO cell in a signature block",
                "someone else signed this document at the same time; reload it",
                "a system (API key) cannot make a personal sign-off: an uploaded signature must come from the person who signed it")) {
            for (var reason : SignOffRefused.Reason.values()) {
                problem(advice.signOffRefused(new SignOffRefused(reason, refused)), "sign-off " + reason);
            }
        }
        // sign-offs uploaded from the signer's own software (IncrementalSignature, SignOffService), one of each shape
        var upload = SignatureUploadRefused.Fault.OTHER_CHANGES;
        for (String refused : List.of(
                "the file does not start with the registry's current file: its earlier revisions differ, or it is another document",
                "expected exactly one incremental revision after the registry's file, found 2: sign the prepared file once, without other changes",
                "the new revision adds no signature",
                "the new signature is in the field REVISADO, not in ELABORADO's",
                "the new signature does not verify: the signed bytes were changed",
                "the new signature does not verify: the signed bytes were changed or the signature is damaged",
                "the new signature does not verify: no byte range",
                "the new signature does not verify: the byte range is malformed",
                "the new signature does not verify: the signed byte ranges leave out more than the signature",
                "the signature ELABORADO no longer verifies: the signing-certificate-v2 attribute does not name the signing certificate",
                "the new signature does not cover the whole file: bytes follow it",
                "the new signature is rated INVALID by EU DSS (REVOKED)",
                "the registry's file has no field APROBADO",
                "the field ELABORADO holds no signature",
                "the new signature carries no readable certificate",
                "the signature was made with a certificate that is not registered for ana and does not carry their identity (CN=Ana Pérez,O=Prueba,C=BO)",
                "the certificate (CN=Ana Quispe,O=Sello Test,C=BO) is valid from 2024-01-02 to 2025-01-02, not now",
                "the certificate names rosa but is not trusted: la cadena de certificados no llega a una autoridad de confianza",
                "the certificate of the new signature is revoked (EU DSS: REVOKED_NO_POE)",
                "the new signature carries a time-stamp that is broken or comes from an authority that is not trusted",
                "the certificate of the new signature was not in force when it signed (EU DSS: OUT_OF_BOUNDS_NO_POE)",
                "the new revision also changes a page (object 4; changed: [/Annots]): only the signature of ELABORADO may be added",
                "the new revision also changes a content stream (object 14; changed: its content): only the signature of ELABORADO may be added",
                "the new revision also changes an annotation (object 17; changed: [/Rect]): only the signature of ELABORADO may be added",
                "the new revision also changes an image or drawing (object 9; changed: [/BBox] and its content): only the signature of ELABORADO may be added",
                "the new revision also changes the page tree (object 2; changed: [/Count, /Kids]): only the signature of REVISADO may be added",
                "the new revision also changes a font (object 30; changed: its value): only the signature of APROBADO may be added",
                "the new revision also changes the document catalogue (object 1; changed: [/OpenAction]): only the signature of ELABORADO may be added",
                "the new revision also changes a form field (object 12; changed: [/Fields]): only the signature of ELABORADO may be added",
                "the new revision also changes an object of the document (object 40; changed: its value): only the signature of ELABORADO may be added")) {
            problem(advice.signatureUploadRefused(new SignatureUploadRefused(upload, refused)), "sign-off upload");
        }
        // issue 16 §3: the TSA, a revocation responder or a token did not answer (503, Retry-After)
        for (String unavailable : List.of(
                "the time-stamp authority cannot be reached; the sign-off was not made, try again later",
                "the time-stamp authority answered HTTP 503; the sign-off was not made, try again later",
                "the time-stamp authority's answer is not a valid time-stamp; the sign-off was not made, try again later",
                "the time-stamp authority refused the request (status 2); the sign-off was not made, try again later",
                "the time-stamp was signed by another certificate than sello.signing.tsa.certificate; the sign-off was not made, try again later",
                "the time-stamp carries no certificate of its authority; the sign-off was not made, try again later",
                "the time-stamp authority's answer is larger than a time-stamp; the sign-off was not made, try again later",
                "the request to the time-stamp authority was interrupted; the sign-off was not made, try again later",
                "the revocation data (CRL or OCSP) needed for a B-LTA signature could not be obtained; the sign-off was not made, try again later",
                "the signer's token did not compute the signature (removed, locked or not answering); the sign-off was not made, try again later")) {
            problem(
                    advice.signingUnavailable(new SigningUnavailableException(unavailable, 30))
                            .getBody(),
                    "signing unavailable");
        }
        problem(
                advice.documentNotFound(new DocumentNotFoundException("no stored document 0f3c")),
                "document not found");
        problem(
                advice.documentNotFound(new DocumentNotFoundException("no stored document with that id")),
                "document not found, id not shown");
        problem(advice.batchNotFound(new BatchNotFoundException("no batch 0f3c")), "batch not found");
        problem(advice.batchNotFound(new BatchNotFoundException("no batch with that id")), "batch id not found");
        problem(advice.draftNotFound(new DraftNotFoundException()), "draft not found");
        problem(
                advice.draftConflict(new DraftConflictException(
                                new Draft(
                                        DraftId.random(),
                                        "budget-summary",
                                        "ana",
                                        "Cuadro",
                                        "{}",
                                        3,
                                        Instant.EPOCH,
                                        Instant.EPOCH),
                                2))
                        .getBody(),
                "draft conflict");
        problem(advice.accessDenied(new AccessDeniedException("admins only")), "access denied");
        problem(
                advice.unsupportedFormat(new UnsupportedFormatException(budget, "format", "\"docx\"")),
                "unsupported format");
        problem(
                advice.unsupportedFormat(new UnsupportedFormatException(Fixtures.poaForm(), "Accept", "\"text/html\"")),
                "unsupported Accept");
        problem(advice.unknownType(new UnknownDocumentTypeException("informe-anual")), "unknown type");
        problem(
                advice.databaseUnavailable(new DataAccessResourceFailureException("down"))
                        .getBody(),
                "database");
        problem(advice.unexpected(new IllegalStateException("boom")), "unexpected");
        problem(
                advice.invalidInput(InvalidInputException.at(
                        "/step", "expected one of ELABORADO, REVISADO, APROBADO but got \"FIRMADO\"")),
                "sign-off step");
        // Spring's own problems, as ResponseEntityExceptionHandler writes them
        ServletWebRequest web = new ServletWebRequest(new MockHttpServletRequest());
        for (Exception e : List.of(
                new HttpRequestMethodNotSupportedException("PUT"),
                new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of()),
                new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)),
                new MissingServletRequestParameterException("days", "int"),
                new MissingRequestHeaderException("If-Match", null),
                new NoResourceFoundException(HttpMethod.GET, "/api/v1/nada", "api/v1/nada"),
                new NoHandlerFoundException("GET", "/api/v1/nada", new HttpHeaders()),
                new MethodArgumentTypeMismatchException("abc", Boolean.class, "lenient", null, null),
                new AsyncRequestTimeoutException(),
                new HttpMessageNotWritableException("x"))) {
            var answer = advice.handleException(e, web);
            if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
                problem(problem, "Spring " + e.getClass().getSimpleName());
            }
        }
        // Written by the security filters through ProblemResponses (their details are concatenated in place)
        for (String[] written : new String[][] {
            {"Not authenticated", "send HTTP Basic credentials or an X-Api-Key header"},
            {"Not authenticated", "send HTTP Basic credentials or an X-Api-Key header, or sign in at /login"},
            {"Not authenticated", "Su sesión no está iniciada o ha caducado: vuelva a entrar."},
            {"Forbidden", "your role does not allow this"},
            {"CSRF token missing or invalid", "Falta el token de seguridad de la sesión (CSRF) o no es válido."},
            {
                "Too many failed sign-ins",
                "too many failed sign-ins for this user name: locked out; no credentials are checked"
                        + " until it ends; try again in 900 s (Retry-After)"
            },
            {
                "Too many failed sign-ins",
                "too many failed sign-ins for this client address: wait before trying again; try"
                        + " again in 5 s (Retry-After)"
            },
            {"Not Found", "no resource at /error"},
            {"Request body too large", BodySizeFilter.tooLarge(2 * 1024 * 1024)},
            {"Request body too large", BodySizeFilter.tooLarge(512 * 1024)}
        }) {
            english.putIfAbsent(written[0], "ProblemResponses title");
            english.putIfAbsent(written[1], "ProblemResponses detail");
        }
        // Jackson's own backstop behind StrictJson's limits, which are lower: kept in case a limit is raised past it
        english.putIfAbsent(
                "the JSON exceeds a size limit at line 1, column 40: Document nesting depth (1001) exceeds"
                        + " the maximum allowed (1000)",
                "StrictJson backstop");
        // Draft bodies (DraftsController reads them itself)
        for (String message : List.of(
                "expected a JSON object with data, title, type",
                "unknown field; expected only data, title, type",
                "expected one of [budget-summary, poa-execution-form] but got nothing",
                "expected one of [budget-summary, poa-execution-form] but got \"informe\"",
                "expected one of [budget-summary, poa-execution-form] but got 12",
                "expected a string",
                "expected at most 200 characters but got 201",
                "expected a JSON object (the document's data, valid or not yet)",
                "expected the version the draft was read at (a positive integer), or that version as an If-Match header")) {
            english.putIfAbsent(message, "DraftsController");
        }
    }

    private static PdfRefusedException pdfRefused(String factory, Class<?>[] types, Object[] args) throws Exception {
        var method = PdfRefusedException.class.getDeclaredMethod(factory, types);
        method.setAccessible(true);
        return (PdfRefusedException) method.invoke(null, args);
    }

    /** A problem's texts, and the same problem through {@link SpanishAnswers}, which must leave no English in it either. */
    private void problem(ProblemDetail problem, String origin) {
        if (problem.getTitle() != null) {
            english.putIfAbsent(problem.getTitle(), origin + " (title)");
        }
        if (problem.getDetail() != null) {
            english.putIfAbsent(problem.getDetail(), origin + " (detail)");
        }
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        for (Object list : properties.values()) {
            if (list instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof InputError error) {
                        english.putIfAbsent(error.message(), origin);
                    } else if (item instanceof Warning warning) {
                        english.putIfAbsent(warning.message(), origin);
                    }
                }
            }
        }
        ProblemDetail spanish = SpanishAnswers.spanish(problem);
        List<String> texts = new ArrayList<>(Stream.of(spanish.getTitle(), spanish.getDetail())
                .filter(Objects::nonNull)
                .toList());
        if (spanish.getProperties() != null) {
            spanish.getProperties().values().stream()
                    .filter(List.class::isInstance)
                    .flatMap(l -> ((List<?>) l).stream())
                    .forEach(item -> {
                        if (item instanceof InputError error) {
                            texts.add(error.message());
                        } else if (item instanceof Warning warning) {
                            texts.add(warning.message());
                        }
                    });
        }
        texts.forEach(text -> spanishProblems.putIfAbsent(text, origin));
    }
}
