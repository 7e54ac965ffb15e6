package io.sello.web;

import io.sello.spreadsheet.SpreadsheetMessages;
import io.sello.support.CraftedPdfs;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.Tampering;
import io.sello.support.TrapServer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cases of {@link HostileInputTest}, by category. Each is an attack (a request, built against the
 * running service), the statuses that count as handling it, and what else must hold afterwards.
 */
final class HostileCases {
    static final String CANARY = "CANARY-7f3a9c-THIS-FILE-MUST-NEVER-BE-READ";
    static final String[] CATEGORIES = {
        "transport and JSON",
        "template injection",
        "resource loading",
        "unicode tricks",
        "XXE",
        "uploads",
        "signature tampering",
        "upload limits",
        "sign-in",
        "audit and error paths",
        "batches"
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API_KEY = "dev-api-key-not-for-production";
    private static final String FORM = "/api/v1/documents/poa-execution-form";
    private static final String AMENDMENT = "/api/v1/documents/agreement-amendment?lenient=true";
    private static final String PLAN = "/api/v1/documents/operational-plan?lenient=true";
    private static final String BUDGET = "/api/v1/documents/budget-summary?lenient=true";

    private HostileCases() {}

    interface Attack {
        Response send(Target target) throws Exception;
    }

    interface Check {
        void verify(Response response, Target target) throws Exception;

        Check NONE = (response, target) -> {};
    }

    /** The answer is not problem+json (a PDF, a JSON report). */
    static final String NOT_A_PROBLEM = "";

    /**
     * @param type the problem {@code type} the answer must carry ({@code /problems/...}) or {@link #NOT_A_PROBLEM}
     */
    record Case(String category, String name, Attack attack, Set<Integer> statuses, String type, Check check) {
        Case {
            Objects.requireNonNull(type, () -> name + ": name the problem type, or NOT_A_PROBLEM");
        }

        @Override
        public String toString() {
            return category + ": " + name;
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        transportAndJson(cases);
        templateInjection(cases);
        resourceLoading(cases);
        unicodeTricks(cases);
        xxe(cases);
        uploads(cases);
        signatureTampering(cases);
        uploadLimits(cases);
        logins(cases);
        batches(cases);
        // last: its 1,000 anonymous verifications may use up loopback's verification allowance
        auditAndErrorPaths(cases);
        return cases;
    }

    // ---------------------------------------------------------------- transport and JSON

    private static void transportAndJson(List<Case> cases) {
        String c = CATEGORIES[0];
        cases.add(new Case(
                c,
                "declared body over the limit is refused before it is read",
                t -> t.declareOnly(FORM, "application/json", 2_200_000),
                Set.of(413),
                "/problems/body-too-large",
                problem("body-too-large")));
        cases.add(new Case(
                c,
                "chunked body that grows over the limit",
                t -> t.send(t.request(FORM)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Spaces(2_500_000)))),
                Set.of(413),
                "/problems/body-too-large",
                problem("body-too-large")));
        cases.add(new Case(
                c,
                "empty body",
                t -> t.post(FORM, new byte[0], "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                problem("invalid-input")));
        cases.add(new Case(
                c,
                "not JSON at all",
                t -> t.post(FORM, utf8("<form>hola</form>"), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                problem("invalid-input")));
        cases.add(new Case(
                c,
                "text/plain instead of JSON",
                t -> t.post(FORM, Fixtures.utf8(Fixtures.smallForm()), "text/plain"),
                Set.of(415),
                NOT_A_PROBLEM,
                Check.NONE));
        cases.add(new Case(
                c,
                "nested 100,000 deep",
                t -> t.post(FORM, utf8("[".repeat(100_000) + "]".repeat(100_000)), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("nested at most 32 deep")));
        cases.add(new Case(
                c,
                "a string of 150,000 characters",
                t -> t.post(FORM, with(form(), "/header/institution", "A".repeat(150_000)), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/header/institution: expected a string of at most 100000 characters")));
        cases.add(new Case(
                c,
                "a number of 5,000 digits",
                t -> t.post(
                        FORM,
                        utf8(Fixtures.smallForm().replace("1000.50", "1" + "0".repeat(5000))),
                        "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/activities/0/budgetLines/0/programmed/tgn: expected a number of at most 40 characters")));
        cases.add(new Case(
                c,
                "1e1000000000 as an amount",
                t -> t.post(FORM, utf8(Fixtures.smallForm().replace("1000.50", "1e1000000000")), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/activities/0/budgetLines/0/programmed/tgn: expected a number with a decimal exponent")));
        cases.add(new Case(
                c,
                "1e-1000000000 as an amount",
                t -> t.post(FORM, utf8(Fixtures.smallForm().replace("1000.50", "1e-1000000000")), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/activities/0/budgetLines/0/programmed/tgn: expected a number with a decimal exponent")));
        cases.add(new Case(
                c,
                "a duplicated key",
                t -> t.post(
                        FORM,
                        utf8(Fixtures.smallForm()
                                .replace("\"entityCode\": \"7\",", "\"entityCode\": \"7\", \"entityCode\": \"8\",")),
                        "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/header/entityCode")));
        cases.add(new Case(
                c,
                "trailing tokens after the document",
                t -> t.post(FORM, utf8(Fixtures.smallForm() + " {\"more\": 1}"), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                problem("invalid-input")));
        cases.add(new Case(
                c,
                "invalid UTF-8 bytes",
                t -> {
                    byte[] body = Fixtures.utf8(Fixtures.smallForm().replace("MINISTERIO DE PRUEBA", "MINISTERIO @@"));
                    int at = indexOf(body, "@@".getBytes(StandardCharsets.US_ASCII));
                    body[at] = (byte) 0xC3;
                    body[at + 1] = (byte) 0x28;
                    return t.post(FORM, body, "application/json");
                },
                Set.of(400),
                "/problems/invalid-input",
                problem("invalid-input")));
        cases.add(new Case(
                c,
                "NaN and Infinity literals",
                t -> t.post(
                        FORM,
                        utf8(Fixtures.smallForm().replace("1000.50", "NaN").replace("\"300.25\"", "Infinity")),
                        "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                problem("invalid-input")));
        cases.add(new Case(
                c,
                "an array where the document object belongs",
                t -> t.post(FORM, utf8("[1, 2, 3]"), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                problem("invalid-input")));
        cases.add(new Case(
                c,
                "100,001 list items",
                t -> t.post(FORM, utf8("{\"activities\": [" + "0,".repeat(100_000) + "0]}"), "application/json"),
                Set.of(422),
                "/problems/document-too-large",
                (r, x) -> {
                    problem("document-too-large").verify(r, x);
                    assertThat(r.json().get("errors").get(0).get("pointer").stringValue())
                            .isEqualTo("/activities/100000");
                }));
        cases.add(new Case(
                c,
                "path traversal in the document type",
                t -> t.send(t.request("/api/v1/documents/..%2F..%2F..%2Fetc%2Fpasswd")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.smallForm()))),
                Set.of(400),
                NOT_A_PROBLEM,
                Check.NONE));
        cases.add(new Case(
                c,
                "path traversal in the format",
                t -> t.post(
                        FORM + "?format=..%2F..%2Fetc%2Fpasswd",
                        Fixtures.utf8(Fixtures.smallForm()),
                        "application/json"),
                Set.of(406),
                "/problems/unsupported-format",
                problem("unsupported-format")));
        cases.add(new Case(
                c,
                "malformed Basic credentials",
                t -> t.send(HttpRequest.newBuilder(t.uri(FORM))
                        .header("Authorization", "Basic !!!not-base64!!!")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.smallForm()))),
                Set.of(401),
                "/problems/unauthenticated",
                Check.NONE));
        cases.add(new Case(
                c,
                "a guessed API key",
                t -> t.send(HttpRequest.newBuilder(t.uri(FORM))
                        .header("X-Api-Key", API_KEY.substring(0, API_KEY.length() - 1) + "X")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.smallForm()))),
                Set.of(401),
                "/problems/unauthenticated",
                Check.NONE));
        cases.add(new Case(
                c,
                "a request id made of markup and 2,000 characters",
                t -> t.send(t.request(FORM)
                        .header("X-Request-Id", "<script>alert(1)</script>" + "x".repeat(2000))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.smallForm()))),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, x) -> assertThat(r.headers().firstValue("X-Request-Id").orElseThrow())
                        .matches("[A-Za-z0-9._-]{1,64}")));
    }

    // ---------------------------------------------------------------- template injection

    private static void templateInjection(List<Case> cases) {
        String c = CATEGORIES[1];
        printed(
                cases,
                c,
                "FreeMarker Execute through the amendment's project name",
                AMENDMENT,
                amendment(),
                "/project/name",
                "${\"freemarker.template.utility.Execute\"?new()(\"id\")}");
        printed(
                cases,
                c,
                "FreeMarker include through the plan's title",
                PLAN,
                plan(),
                "/cover/title",
                "<#include \"/etc/passwd\"> [#include \"" + "file:///etc/hostname\"] <@x/>");
        printed(
                cases,
                c,
                "FreeMarker eval and data model through the budget title",
                BUDGET,
                budget(),
                "/title",
                "${\"7*7\"?eval} ${.data_model} ${.now} #{7*7}");
        printed(
                cases,
                c,
                "FreeMarker api and new through a budget row",
                BUDGET,
                budget(),
                "/tables/0/rows/0/heading",
                "${object?api.class.protectionDomain} ${\"java.lang.ProcessBuilder\"?new(\"id\")}");
        printed(
                cases,
                c,
                "JasperReports expressions through the institution",
                FORM,
                form(),
                "/header/institution",
                "$P{REPORT_CONNECTION} $F{code} $V{PAGE_NUMBER} $R{key} $X{IN, a, b}");
        printed(
                cases,
                c,
                "Java and Groovy through a signatory's name",
                FORM,
                form(),
                "/signatories/0/name",
                "${java.lang.Runtime.getRuntime().exec('id')} new File('/etc/passwd').text");
        printed(
                cases,
                c,
                "JasperReports styled markup through the organizational area",
                FORM,
                form(),
                "/header/organizationalArea",
                "<style forecolor=\"#FF0000\" isBold=\"true\">ROJO</style>");
        printed(
                cases,
                c,
                "XHTML markup through a party name",
                AMENDMENT,
                amendment(),
                "/parties/0/name",
                "</p><img src=\"http://127.0.0.1:TRAP/x.png\"/><script>alert(1)</script><p>");
        printed(
                cases,
                c,
                "CSS through the plan's program",
                PLAN,
                plan(),
                "/cover/program",
                "</style><style>@import url(http://127.0.0.1:TRAP/x.css); body{background:url(file:///etc/passwd)}</style>");
    }

    // ---------------------------------------------------------------- resource loading

    private static void resourceLoading(List<Case> cases) {
        String c = CATEGORIES[2];
        String[][] webhooks = {
            {"file: URL to the canary", "file://CANARY_PATH"},
            {"http: to loopback", "http://127.0.0.1:TRAP/hook"},
            {"http: to the cloud metadata address", "http://169.254.169.254/latest/meta-data/"},
            {"http: to an IPv6-mapped loopback", "http://[::ffff:127.0.0.1]:TRAP/hook"},
            {"http: to loopback as a decimal number", "http://2130706433:TRAP/hook"},
            {"http: to loopback in hexadecimal", "http://0x7f000001:TRAP/hook"},
            {"http: to IPv6 loopback", "http://[::1]:TRAP/hook"},
            {"jar: URL around the canary", "jar:file://CANARY_PATH!/x"},
            {"classpath: URL", "classpath:application.properties"},
            {"user info that hides the real host", "http://localhost@127.0.0.1:TRAP/hook"},
        };
        for (String[] webhook : webhooks) {
            cases.add(new Case(
                    c,
                    "webhook " + webhook[0],
                    t -> t.post("/api/v1/batches", batch(t.plant(webhook[1])), "application/json"),
                    Set.of(400),
                    "/problems/invalid-input",
                    detail("/webhook: expected an http(s) URL on one of the allowed hosts")));
        }
        cases.add(new Case(
                c,
                "webhook host that redirects into the trap",
                t -> {
                    t.redirector().redirectTo("http://127.0.0.1:" + t.trap().port() + "/stolen");
                    return t.post(
                            "/api/v1/batches",
                            batch("http://localhost:" + t.redirector().port() + "/hook"),
                            "application/json");
                },
                Set.of(202),
                NOT_A_PROBLEM,
                (r, t) -> {
                    // The batch renders, then the webhook goes to the allowed host, which redirects; the redirect is
                    // not followed.
                    await("the webhook reached the allowed host")
                            .atMost(Duration.ofSeconds(18))
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> t.redirector().hits() > 0);
                    // not a poll: time for a redirect to be followed, if it were, before the trap is checked for no hit
                    Thread.sleep(300);
                }));
        String urls =
                "file://CANARY_PATH jar:file://CANARY_PATH!/a classpath:application.properties http://127.0.0.1:TRAP/ "
                        + "http://169.254.169.254/latest/ http://[::ffff:127.0.0.1]:TRAP/ http://2130706433:TRAP/";
        printed(cases, c, "every kind of URL as plain text in a plan", PLAN, plan(), "/sections/0/title", urls);
        printed(
                cases,
                c,
                "image and stylesheet tags with local URLs in an amendment",
                AMENDMENT,
                amendment(),
                "/project/name",
                "<img src=\"file://CANARY_PATH\"/><link rel=\"stylesheet\" href=\"jar:file://CANARY_PATH!/x.css\"/><object data=\"classpath:application.properties\"/>");
    }

    // ---------------------------------------------------------------- unicode tricks

    private static void unicodeTricks(List<Case> cases) {
        String c = CATEGORIES[3];
        cases.add(new Case(
                c,
                "right-to-left override in a signatory's name",
                t -> t.post(FORM, with(form(), "/signatories/0/name", "Ana Quispe \u202Eanuj"), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/signatories/0/name: contains an invisible bidirectional control")));
        cases.add(new Case(
                c,
                "bidi isolates in a party name",
                t -> t.post(
                        AMENDMENT, with(amendment(), "/parties/0/name", "LA PARTE \u2067A\u2069"), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/parties/0/name: contains an invisible bidirectional control")));
        cases.add(new Case(
                c,
                "right-to-left override in the title that names the download",
                t -> t.post(BUDGET, with(budget(), "/title", "Presupuesto \u202Efdp.exe"), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/title: contains an invisible bidirectional control")));
        cases.add(new Case(
                c,
                "header injection and path separators in the title that names the download",
                t -> t.post(
                        BUDGET,
                        with(budget(), "/title", "..\\..\\evil\";filename*=UTF-8''x.exe\r\nSet-Cookie: a=b"),
                        "application/json"),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> {
                    List<String> dispositions = r.headers().allValues("Content-Disposition");
                    assertThat(dispositions).hasSize(1);
                    assertThat(dispositions.get(0))
                            .matches(
                                    "attachment; filename=\"[A-Za-z0-9._-]+\\.pdf\"(; filename\\*=UTF-8''[A-Za-z0-9._%-]+\\.pdf)?");
                    assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
                }));
        cases.add(new Case(
                c,
                "an unpaired surrogate",
                t -> t.post(
                        FORM,
                        utf8(Fixtures.smallForm().replace("Ana Quispe", "Ana \\ud800Quispe")),
                        "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/signatories/0/name: contains an unpaired surrogate")));
        cases.add(new Case(
                c,
                "a NUL character",
                t -> t.post(
                        FORM,
                        utf8(Fixtures.smallForm().replace("Capacitación", "Capa\\u0000citación")),
                        "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/activities/0/specificActivity: contains a control character")));
        cases.add(new Case(
                c,
                "a zero-width space in the acronym",
                t -> t.post(FORM, with(form(), "/header/acronym", "UP\u200BL"), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/header/acronym: contains an invisible character")));
        cases.add(new Case(
                c,
                "a bidi override in a batch item's name",
                t -> t.post(
                        "/api/v1/batches",
                        utf8("{\"type\":\"poa-execution-form\",\"items\":[{\"name\":\"a\u202Efdp.exe\",\"document\":"
                                + Fixtures.smallForm() + "}]}"),
                        "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/items/0/name: contains an invisible bidirectional control")));
        cases.add(new Case(
                c,
                "mis-encoded accents are still repaired, not refused",
                t -> t.post(
                        FORM,
                        with(form(), "/header/organizationalArea", "UNIDAD DE PLANIFICACIÃ\u0093N"),
                        "application/json"),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> assertThat(r.text()).contains("UNIDAD DE PLANIFICACIÓN")));
    }

    // ---------------------------------------------------------------- sign-in and invisible text (issue 14)

    /** The flooded user name is the suite's own, so the lock-out never touches ana, admin or the API key the other cases use. */
    private static final String FLOOD_USER = "hostile-flood";

    private static void logins(List<Case> cases) {
        String c = CATEGORIES[8];
        cases.add(new Case(
                c,
                "a flood of wrong passwords for one user name",
                t -> {
                    Response last = null;
                    for (int i = 0; i < 30; i++) {
                        last = t.send(HttpRequest.newBuilder(t.uri("/api/v1/audit"))
                                .timeout(Duration.ofSeconds(5))
                                .header("Authorization", HttpApiTest.basic(FLOOD_USER, "guess-" + i))
                                .GET());
                        if (last.status() == 429) {
                            break;
                        }
                    }
                    return last;
                },
                Set.of(429),
                "/problems/too-many-failed-logins",
                (r, t) -> {
                    assertThat(r.json().get("detail").stringValue())
                            .startsWith("too many failed sign-ins for this user name");
                    assertThat(Long.parseLong(
                                    r.headers().firstValue("Retry-After").orElseThrow()))
                            .isPositive();
                }));
        // Issue 14 point 5: each kind of character that prints as nothing, in a field that is printed and signed
        String[][] invisible = {
            {
                "tag characters spelling a hidden word",
                "/signatories/0/name",
                "Ana Quispe\uDB40\uDC4E\uDB40\uDC4F",
                "/signatories/0/name: contains a tag character",
                "U+E004E) at character 11"
            },
            {
                "a Hangul filler",
                "/header/acronym",
                "UPL\u3164",
                "/header/acronym: contains a Hangul filler",
                "U+3164) at character 4"
            },
            {
                "a Hangul choseong filler",
                "/header/institution",
                "MINISTERIO\u115F",
                "/header/institution: contains a Hangul filler",
                "U+115F)"
            },
            {
                "a Hangul jungseong filler",
                "/header/institution",
                "MINISTERIO\u1160",
                "/header/institution: contains a Hangul filler",
                "U+1160)"
            },
            {
                "a halfwidth Hangul filler",
                "/header/institution",
                "MINISTERIO\uFFA0",
                "/header/institution: contains a Hangul filler",
                "U+FFA0)"
            },
            {
                "a Mongolian vowel separator",
                "/signatories/0/name",
                "Ana\u180EQuispe",
                "/signatories/0/name: contains a Mongolian vowel separator",
                "U+180E)"
            },
            {
                "a line separator in a single-line field",
                "/signatories/0/name",
                "Ana\u2028Quispe",
                "/signatories/0/name: contains a line separator",
                "U+2028)"
            },
            {
                "a paragraph separator",
                "/header/institution",
                "MINISTERIO\u2029DE PRUEBA",
                "/header/institution: contains a paragraph separator",
                "U+2029) at character 11"
            },
            {
                "a zero width joiner between letters",
                "/header/acronym",
                "U\u200DPL",
                "/header/acronym: contains a zero width joiner outside an emoji sequence",
                "U+200D)"
            },
            {
                "a soft hyphen",
                "/signatories/0/name",
                "Ana Qui\u00ADspe",
                "/signatories/0/name: contains a soft hyphen",
                "U+00AD)"
            },
            {
                "another default-ignorable code point",
                "/header/acronym",
                "UP\u034FL",
                "/header/acronym: contains a default-ignorable character",
                "U+034F)"
            },
        };
        for (String[] kind : invisible) {
            cases.add(new Case(
                    CATEGORIES[3],
                    kind[0],
                    t -> t.post(FORM, with(form(), kind[1], kind[2]), "application/json"),
                    Set.of(400),
                    "/problems/invalid-input",
                    (r, t) -> {
                        detail(kind[3]).verify(r, t);
                        assertThat(r.json().get("detail").stringValue()).contains(kind[4]);
                    }));
        }
        printed(
                cases,
                CATEGORIES[3],
                "Quechua and Aymara orthography still prints",
                FORM,
                form(),
                "/header/organizationalArea",
                "Ñawpaq ch'aki q'ipi Tiwanaku Jach'a Marka");
    }

    // ---------------------------------------------------------------- XXE

    private static void xxe(List<Case> cases) {
        String c = CATEGORIES[4];
        cases.add(new Case(
                c,
                "XFA with an external entity to the canary",
                t -> t.verify(pdfWithXfa("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file://"
                        + t.canary().toAbsolutePath() + "\">]>"
                        + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template>&e;</template></xdp:xdp>")),
                Set.of(200),
                NOT_A_PROBLEM,
                unsigned()));
        cases.add(new Case(
                c,
                "XFA with an external entity to the trap",
                t -> t.verify(pdfWithXfa("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:"
                        + t.trap().port() + "/x.dtd\">%p;]>" + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>")),
                Set.of(200),
                NOT_A_PROBLEM,
                unsigned()));
        cases.add(new Case(
                c,
                "XFA billion laughs",
                t -> {
                    StringBuilder dtd = new StringBuilder("<!ENTITY l0 \"lol\">");
                    for (int i = 1; i <= 9; i++) {
                        dtd.append("<!ENTITY l")
                                .append(i)
                                .append(" \"")
                                .append(("&l" + (i - 1) + ";").repeat(10))
                                .append("\">");
                    }
                    return t.verify(pdfWithXfa("<?xml version=\"1.0\"?><!DOCTYPE x [" + dtd
                            + "]><xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\">&l9;</xdp:xdp>"));
                },
                Set.of(200),
                NOT_A_PROBLEM,
                unsigned()));
        cases.add(new Case(
                c,
                "an XML body with an external entity to the render endpoint",
                t -> t.post(
                        FORM,
                        utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file://"
                                + t.canary().toAbsolutePath() + "\">]><form>&e;</form>"),
                        "application/xml"),
                Set.of(415),
                NOT_A_PROBLEM,
                Check.NONE));
        cases.add(new Case(
                c,
                "an SVG with an external entity uploaded for verification",
                t -> t.upload(
                        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY e SYSTEM \"file://"
                                + t.canary().toAbsolutePath() + "\">]>"
                                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&e;</text><image href=\"http://127.0.0.1:"
                                + t.trap().port() + "/\"/></svg>",
                        "dibujo.svg",
                        "image/svg+xml"),
                Set.of(422),
                "/problems/unreadable-pdf",
                unreadable()));
    }

    // ---------------------------------------------------------------- uploads

    private static void uploads(List<Case> cases) {
        String c = CATEGORIES[5];
        cases.add(new Case(
                c,
                "a PNG image posted as a PDF",
                t -> t.verify(
                        Base64.getDecoder()
                                .decode(
                                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")),
                Set.of(422),
                "/problems/unreadable-pdf",
                unreadable()));
        // Spreadsheets (issue 17): a zip bomb, a macro-enabled workbook, a workbook linking to the trap server.
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        cases.add(new Case(
                c,
                "an XLSX whose sheet inflates to 200 MB posted for import",
                t -> t.post(FORM + "/import", SpreadsheetMessages.zipBomb(), xlsx),
                Set.of(413),
                "/problems/spreadsheet-too-large",
                problem("spreadsheet-too-large")));
        cases.add(new Case(
                c,
                "a workbook sent as macro-enabled (.xlsm) to the render endpoint",
                t -> t.post(
                        FORM, SpreadsheetMessages.smallFilledForm(), "application/vnd.ms-excel.sheet.macroEnabled.12"),
                Set.of(422),
                "/problems/unreadable-spreadsheet",
                problem("unreadable-spreadsheet")));
        cases.add(new Case(
                c,
                "a workbook linking to the trap server and embedding an executable, imported",
                t -> t.post(
                        FORM + "/import",
                        SpreadsheetMessages.linkedWorkbook(
                                "http://127.0.0.1:" + t.trap().port() + "/otro.xlsx"),
                        xlsx),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> assertThat(r.headers().firstValue("Sello-Warning-Count"))
                        .contains("2")));
        cases.add(new Case(
                c,
                "the same workbook posted to the render endpoint: the PDF's warnings say what was ignored",
                t -> t.post(
                        FORM,
                        SpreadsheetMessages.linkedWorkbook(
                                "http://127.0.0.1:" + t.trap().port() + "/otro.xlsx"),
                        xlsx),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> assertThat(r.headers().firstValue("Sello-Warnings").orElse(""))
                        .contains("spreadsheet-links-ignored", "spreadsheet-objects-ignored")));
        // One sheet saved as CSV (issue 17 §2): rows past the item limit are refused as they arrive, a huge cell by the
        // JSON limits, and a formula in a cell stays text (the server evaluates nothing).
        String activities = "N.º;(1) CÓDIGO;(2) OPERACIÓN;(3) ACTIVIDAD ESPECÍFICA;(4) FECHA INICIO;(5) FECHA FIN;"
                + "INDICADOR · (7) DESCRIPCIÓN;INDICADOR · (8) EFICACIA ACUMULADA EN %;"
                + "TOTAL declarado de la actividad · Programado · T.G.N.;TOTAL declarado de la actividad · Programado · Otras fuentes;"
                + "TOTAL declarado de la actividad · Ejecutado · T.G.N.;TOTAL declarado de la actividad · Ejecutado · Otras fuentes;"
                + "TOTAL declarado de la actividad · % ejecución\n";
        cases.add(new Case(
                c,
                "a CSV of 120,000 activities posted for import",
                t -> t.post(
                        FORM + "/import",
                        (activities + ";1;;a;;;;;;;;;\n".repeat(120_000)).getBytes(StandardCharsets.UTF_8),
                        "text/csv"),
                Set.of(422),
                "/problems/document-too-large",
                problem("document-too-large")));
        cases.add(new Case(
                c,
                "a CSV whose one cell holds 1.5 million characters",
                t -> t.post(
                        FORM + "/import",
                        (activities + ";1;;" + "x".repeat(1_500_000) + ";;;;;;;;;\n").getBytes(StandardCharsets.UTF_8),
                        "text/csv"),
                Set.of(400),
                "/problems/invalid-input",
                (r, t) -> assertThat(r.json().get("errors").toString())
                        .contains("/activities/0/specificActivity", "Sheet Actividades, row 2, column D")));
        cases.add(new Case(
                c,
                "a CSV whose cells hold formulas that would fetch the trap server",
                t -> t.post(
                        FORM + "/import",
                        (activities + ";1;;\"=WEBSERVICE(\"\"http://127.0.0.1:"
                                        + t.trap().port() + "/\"\")\";;;;;=1+1;;;;;\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv"),
                Set.of(400),
                "/problems/invalid-input",
                (r, t) -> assertThat(r.json().get("errors").toString())
                        .contains("=1+1")
                        .contains("/activities/0/declaredTotal/programmed/tgn")));
        cases.add(new Case(
                c,
                "a PNG image posted to the render endpoint",
                t -> t.post(FORM, new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png"),
                Set.of(415),
                NOT_A_PROBLEM,
                Check.NONE));
        // Issue 7 answered these 200 by never inflating them; since issue 14 the stream limit refuses them first.
        cases.add(new Case(
                c,
                "XFA that inflates to 300 MB",
                t -> t.verify(pdfWithXfaStream(deflatedZeros(300))),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-stream-size", "64MB")));
        cases.add(new Case(
                c,
                "a page that inflates to 300 MB",
                t -> t.verify(pdfWithPageContent(deflatedZeros(300))),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-stream-size", "64MB")));
        cases.add(new Case(
                c,
                "a PDF that launches the canary and opens a trap URL",
                t -> t.verify(pdfWithActions(t)),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> {
                    unsigned().verify(r, t);
                    assertThat(r.json().at("/report/findings").toString())
                            .as("reported since issue 14")
                            .contains("the file contains a launch action")
                            .doesNotContain(t.canary().getFileName().toString());
                }));
        cases.add(new Case(
                c,
                "a PDF whose cross-reference table lies",
                t -> {
                    byte[] pdf = pdfWithXfa("<xdp/>");
                    String text = new String(pdf, StandardCharsets.ISO_8859_1)
                            .replaceAll("startxref\\s+\\d+", "startxref\n999999999");
                    return t.verify(text.getBytes(StandardCharsets.ISO_8859_1));
                },
                Set.of(200),
                NOT_A_PROBLEM,
                Check.NONE));
        cases.add(new Case(
                c,
                "an upload over the body limit",
                t -> t.declareOnly("/api/v1/verify", "multipart/form-data; boundary=XYZ", 2_100_000),
                Set.of(413),
                "/problems/body-too-large",
                Check.NONE));
    }

    // ---------------------------------------------------------------- signature tampering

    private static void signatureTampering(List<Case> cases) {
        String c = CATEGORIES[6];
        cases.add(new Case(
                c,
                "the untouched signed form verifies (control)",
                t -> t.verify(t.signedForm()),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> {
                    // intact; signed with the development keystore, which is trusted by no one: not "valid" (issue 16)
                    assertThat(r.json().at("/report/signatures/0/intact").booleanValue())
                            .isTrue();
                    assertThat(r.json().at("/report/signatures/0/verdict").stringValue())
                            .isEqualTo("INDETERMINATE");
                    assertThat(r.json().at("/report/changedAfterLastSignature").booleanValue())
                            .isFalse();
                    assertThat(r.json().get("matchesRegistry").booleanValue()).isTrue();
                }));
        cases.add(new Case(
                c,
                "one flipped bit in a signed page",
                t -> t.verify(Tampering.flipByteInFirstStream(t.signedForm())),
                Set.of(200),
                NOT_A_PROBLEM,
                invalidSignature()));
        cases.add(new Case(
                c,
                "an incremental update painting over a figure",
                t -> t.verify(Tampering.appendPaintOver(t.signedForm())),
                Set.of(200),
                NOT_A_PROBLEM,
                changed()));
        cases.add(new Case(
                c,
                "a byte range shortened to leave the end unsigned",
                t -> t.verify(shortenByteRange(t.signedForm())),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> assertThat(r.json().at("/report/signatures/0/intact").booleanValue()
                                && !r.json()
                                        .at("/report/changedAfterLastSignature")
                                        .booleanValue())
                        .as("reported as intact")
                        .isFalse()));
        cases.add(new Case(
                c,
                "the signature's contents zeroed",
                t -> t.verify(zeroContents(t.signedForm())),
                Set.of(200),
                NOT_A_PROBLEM,
                invalidSignature()));
        cases.add(new Case(
                c,
                "the signed file cut in half",
                t -> t.verify(Arrays.copyOf(t.signedForm(), t.signedForm().length / 2)),
                Set.of(422),
                "/problems/unreadable-pdf",
                (r, t) -> assertThat(r.text()).doesNotContain("\"valid\":true")));
        cases.add(new Case(
                c,
                "junk appended after the last signature",
                t -> {
                    byte[] signed = t.signedForm();
                    byte[] junk = Arrays.copyOf(signed, signed.length + 12);
                    System.arraycopy("\n% appended\n".getBytes(StandardCharsets.US_ASCII), 0, junk, signed.length, 12);
                    return t.verify(junk);
                },
                Set.of(200),
                NOT_A_PROBLEM,
                changed()));
        cases.add(new Case(
                c,
                "a preparer's API key trying the reviewer's step",
                t -> t.send(t.request("/api/v1/documents/" + t.signedId() + "/sign-offs")
                        .POST(HttpRequest.BodyPublishers.noBody())),
                Set.of(403),
                "/problems/wrong-role",
                Check.NONE));
    }

    // ---------------------------------------------------------------- upload limits (issue 14)

    /**
     * Issue 14's crafted uploads to the anonymous {@code POST /api/v1/verify}, each written out in
     * {@link CraftedPdfs}. Before the limits: 4,000 signature fields took 36 s of CPU (5.2 MB file); the
     * XRef bomb answered 500 OutOfMemoryError; the self-referencing page tree and deep arrays answered
     * 500 StackOverflowError with a 97 KB stack trace in the log.
     */
    private static void uploadLimits(List<Case> cases) {
        String c = CATEGORIES[7];
        cases.add(new Case(
                c,
                "4,000 signature fields, each byte range covering the whole file",
                t -> t.verify(CraftedPdfs.manySignatureFields(4000, 0)),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-signature-fields", "100")));
        cases.add(new Case(
                c,
                "a cross-reference stream that inflates to 1 GB",
                t -> t.verify(CraftedPdfs.xrefStreamBomb(1024)),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-stream-size", "64MB")));
        cases.add(new Case(
                c,
                "a page tree that contains itself (244 bytes)",
                t -> t.verify(CraftedPdfs.selfReferencingPageTree()),
                Set.of(422),
                "/problems/unreadable-pdf",
                (r, t) -> assertThat(r.json().get("detail").stringValue())
                        .isEqualTo(
                                "the file is not a readable PDF: its objects refer to themselves or nest too deep")));
        cases.add(new Case(
                c,
                "arrays nested 10,000 deep",
                t -> t.verify(CraftedPdfs.nestedArrays(10_000)),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-depth", "64")));
        cases.add(new Case(
                c,
                "a trailer that declares two billion objects",
                t -> t.verify(CraftedPdfs.declaredObjects(2_000_000_000L)),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-objects", "200000")));
        cases.add(new Case(
                c,
                "150 empty incremental updates",
                t -> t.verify(CraftedPdfs.manyRevisions(150)),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-revisions", "100")));
        cases.add(new Case(
                c,
                "one page that inflates to 100 MB",
                t -> t.verify(CraftedPdfs.inflatingPages(1, 100)),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-stream-size", "64MB")));
        cases.add(new Case(
                c,
                "five pages of 60 MB each, every one under the stream limit",
                t -> t.verify(CraftedPdfs.inflatingPages(5, 60)),
                Set.of(422),
                "/problems/pdf-over-limit",
                limit("sello.limits.pdf.max-decompressed-size", "256MB")));
        cases.add(new Case(
                c,
                "JavaScript on opening and in the name tree is a finding",
                t -> t.verify(CraftedPdfs.withJavaScript()),
                Set.of(200),
                NOT_A_PROBLEM,
                finding("the file contains JavaScript; the signatures are checked as for any other content")));
        cases.add(new Case(
                c,
                "a launch action to cmd.exe is a finding",
                t -> t.verify(CraftedPdfs.withLaunch()),
                Set.of(200),
                NOT_A_PROBLEM,
                finding("the file contains a launch action, which asks the viewer to start a program")));
        cases.add(new Case(
                c,
                "an embedded Windows program named factura.pdf is a finding",
                t -> t.verify(CraftedPdfs.withEmbeddedExecutable()),
                Set.of(200),
                NOT_A_PROBLEM,
                finding("the file embeds an executable program: a Windows program (MZ); do not open or run it")));
        cases.add(new Case(
                c,
                "one address sending anonymous verifications until it is refused",
                t -> t.flood(120),
                Set.of(429),
                "/problems/too-many-verifications",
                (r, t) -> {
                    assertThat(r.headers().firstValue("Retry-After"))
                            .hasValueSatisfying(
                                    v -> assertThat(Long.parseLong(v)).isPositive());
                    assertThat(r.json().get("detail").stringValue()).contains("sello.limits.pdf.anonymous-per-minute");
                }));
    }

    private static Check limit(String key, String value) {
        return (r, t) -> {
            assertThat(r.json().get("limit").stringValue()).isEqualTo(key);
            assertThat(r.json().get("value").stringValue()).isEqualTo(value);
            assertThat(r.json().get("detail").stringValue()).startsWith("the file is over " + key + " (" + value + ")");
        };
    }

    /** Reported beside the signatures, which stay what they are: the files are unsigned, so no signature is claimed. */
    private static Check finding(String text) {
        return (r, t) -> {
            assertThat(r.json().at("/report/signatures").size()).isZero();
            assertThat(r.json().at("/report/findings").toString()).contains(text);
        };
    }

    // ---------------------------------------------------------------- checks

    private static void printed(
            List<Case> cases,
            String category,
            String name,
            String path,
            byte[] example,
            String pointer,
            String payload) {
        cases.add(new Case(
                category,
                name,
                t -> t.post(path, with(example, pointer, t.plant(payload)), "application/json"),
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> {
                    assertThat(r.isPdf()).as("a PDF").isTrue();
                    String printed = squeeze(r.text());
                    assertThat(printed).as("the payload printed as text").contains(squeeze(t.plant(payload)));
                    assertThat(printed).doesNotContain("uid=", "root:x:", "spring.datasource");
                }));
    }

    // ---------------------------------------------------------------- audit and error paths (issue 14)

    /** Anonymous verifications sent by {@link #anonymousVerificationFlood}: enough to have grown the audit table by as many rows. */
    static final int FLOOD = 1_000;

    private static void auditAndErrorPaths(List<Case> cases) {
        String c = CATEGORIES[9];
        cases.add(new Case(
                c,
                "GET /error asked for directly",
                t -> t.send(HttpRequest.newBuilder(t.uri("/error"))
                        .timeout(Duration.ofSeconds(18))
                        .GET()),
                Set.of(404),
                "/problems/not-found",
                Check.NONE));
        cases.add(new Case(
                c,
                "1,000 anonymous verifications do not grow the audit table",
                HostileCases::anonymousVerificationFlood,
                Set.of(200),
                NOT_A_PROBLEM,
                Check.NONE));
    }

    /**
     * {@link #FLOOD} anonymous uploads of a one-page PDF, four at a time. Before issue 14 each wrote an
     * audit_events row; now the newest audit row stays the newest, today's {@code verify-upload} count
     * and the {@code sello.verifications} counter grow by exactly the number answered 200 (a rate limit
     * may answer 429; nothing else is allowed). Answers what the case is about: today's counts, read
     * back by an admin once the flood is over.
     */
    private static Response anonymousVerificationFlood(Target t) throws Exception {
        byte[] pdf;
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            pdf = save(document);
        }
        long newestRow = newestAuditRow(t);
        long counted = countedUploads(t);
        double metric = uploadMetric(t);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger answered = new AtomicInteger();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < FLOOD / 4; i++) {
                        Response response = t.verify(pdf);
                        assertThat(response.status()).as(response.brief()).isIn(200, 429);
                        if (response.status() == 200) {
                            answered.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(newestAuditRow(t))
                .as("the newest audit row after %d anonymous verifications", FLOOD)
                .isEqualTo(newestRow);
        assertThat(countedUploads(t) - counted)
                .as("today's verify-upload count")
                .isEqualTo(answered.get());
        assertThat(uploadMetric(t) - metric)
                .as("sello.verifications for anonymous uploads")
                .isEqualTo(answered.get());
        return asAdmin(t, "/api/v1/audit/daily-counts?days=1");
    }

    private static Response asAdmin(Target t, String path) throws Exception {
        Response response = t.send(HttpRequest.newBuilder(t.uri(path))
                .timeout(Duration.ofSeconds(18))
                .header("Authorization", HttpApiTest.basic("admin", "admin-dev"))
                .GET());
        assertThat(response.status()).as(path + ": " + response.brief()).isEqualTo(200);
        return response;
    }

    private static long newestAuditRow(Target t) throws Exception {
        JsonNode newest = asAdmin(t, "/api/v1/audit?limit=1").json();
        return newest.isEmpty() ? 0 : newest.get(0).get("id").longValue();
    }

    private static long countedUploads(Target t) throws Exception {
        long total = 0;
        for (JsonNode row : asAdmin(t, "/api/v1/audit/daily-counts?days=1").json()) {
            if (row.get("action").stringValue().equals("verify-upload")) {
                total += row.get("events").longValue();
            }
        }
        return total;
    }

    private static double uploadMetric(Target t) throws Exception {
        Matcher line = Pattern.compile("(?m)^sello_verifications_total\\{([^}]*)} (\\S+)$")
                .matcher(t.get("/actuator/prometheus").text());
        double total = 0;
        while (line.find()) {
            if (line.group(1).contains("caller=\"anonymous\"") && line.group(1).contains("source=\"upload\"")) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    private static Check problem(String type) {
        return (r, t) -> {
            assertThat(r.isProblem()).as("a problem+json answer: " + r.brief()).isTrue();
            assertThat(r.json().get("type").stringValue()).isEqualTo("/problems/" + type);
        };
    }

    private static Check detail(String text) {
        return (r, t) -> {
            assertThat(r.isProblem()).as("a problem+json answer: " + r.brief()).isTrue();
            assertThat(r.json().get("detail").stringValue()).contains(text);
        };
    }

    private static Check unsigned() {
        return (r, t) -> assertThat(r.json().at("/report/signatures").size()).isZero();
    }

    private static Check unreadable() {
        return (r, t) -> assertThat(r.text()).contains("not a readable PDF");
    }

    private static Check invalidSignature() {
        return (r, t) -> {
            assertThat(r.json().at("/report/signatures/0/intact").booleanValue())
                    .isFalse();
            assertThat(r.json().at("/report/signatures/0/valid").booleanValue()).isFalse();
            assertThat(r.json().at("/report/signatures/0/verdict").stringValue())
                    .isEqualTo("INVALID");
        };
    }

    private static Check changed() {
        return (r, t) -> assertThat(
                        r.json().at("/report/changedAfterLastSignature").booleanValue())
                .isTrue();
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    // ---------------------------------------------------------------- batches (issue 14)

    /**
     * Lengths over their columns (a 500 before), the service's own port as a webhook, what the batch
     * status tells about a webhook and about the instance, and a partial archive. A batch item that runs
     * past the render timeout is BatchWorkerTest's: the service here keeps the 60 s default, longer than a case may take.
     */
    private static void batches(List<Case> cases) {
        String c = CATEGORIES[10];
        cases.add(new Case(
                c,
                "a batch item name of 201 characters",
                t -> t.post(
                        "/api/v1/batches",
                        utf8("{\"type\":\"poa-execution-form\",\"items\":[{\"name\":\"" + "n".repeat(201)
                                + "\",\"document\":" + Fixtures.smallForm() + "}]}"),
                        "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                (r, t) -> {
                    problem("invalid-input").verify(r, t);
                    assertThat(r.json().get("errors").get(0).get("pointer").stringValue())
                            .isEqualTo("/items/0/name");
                    assertThat(r.json().get("errors").get(0).get("message").stringValue())
                            .isEqualTo("expected at most 200 characters but got 201");
                }));
        cases.add(new Case(
                c,
                "a webhook URL of 2,001 characters",
                t -> t.post("/api/v1/batches", batch("http://localhost/" + "h".repeat(1984)), "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/webhook: expected at most 2000 characters but got 2001")));
        cases.add(new Case(
                c,
                "a webhook to the service's own actuator",
                t -> t.post(
                        "/api/v1/batches",
                        batch("http://localhost:" + t.port() + "/actuator/health"),
                        "application/json"),
                Set.of(400),
                "/problems/invalid-input",
                detail("/webhook: expected a URL that is not this service's own port")));
        cases.add(new Case(
                c,
                "the status of a batch whose webhook cannot be delivered says two words and no more",
                t -> {
                    int closed;
                    try (ServerSocket socket = new ServerSocket(0)) {
                        closed = socket.getLocalPort(); // nothing listens there once the socket is closed: the
                        // delivery is refused
                    }
                    Response accepted = t.post(
                            "/api/v1/batches", batch("http://localhost:" + closed + "/hook"), "application/json");
                    assertThat(accepted.status()).as(accepted.brief()).isEqualTo(202);
                    String status =
                            "/api/v1/batches/" + accepted.json().get("id").stringValue();
                    return await("the batch finished")
                            .atMost(Duration.ofSeconds(17))
                            .pollInterval(Duration.ofMillis(250))
                            .until(
                                    () -> t.get(status),
                                    progress -> progress.json().get("finished").booleanValue());
                },
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> {
                    JsonNode progress = r.json();
                    assertThat(progress.get("finished").booleanValue())
                            .as("finished: " + r.brief())
                            .isTrue();
                    // before: QUEUED or DELIVERED, which told an open port from a closed one
                    assertThat(progress.get("webhook").stringValue()).isEqualTo("not yet delivered");
                    assertThat(progress.get("items").get(0).get("worker").stringValue())
                            .isEqualTo("sello-1");
                    assertThat(r.text())
                            .doesNotContain(
                                    ManagementFactory.getRuntimeMXBean().getName(),
                                    "refused",
                                    "Connect",
                                    "QUEUED",
                                    " ms");
                }));
        cases.add(new Case(
                c,
                "the archive of a batch with a failed item is marked partial",
                t -> {
                    Response accepted = t.post(
                            "/api/v1/batches",
                            utf8("{\"type\":\"poa-execution-form\",\"items\":[{\"name\":\"vacio\",\"document\":{}}]}"),
                            "application/json");
                    assertThat(accepted.status()).as(accepted.brief()).isEqualTo(202);
                    return t.get("/api/v1/batches/" + accepted.json().get("id").stringValue() + "/results.zip");
                },
                Set.of(200),
                NOT_A_PROBLEM,
                (r, t) -> {
                    // pending or failed, the one item is not in it: partial either way
                    assertThat(r.headers().firstValue("Sello-Batch-Complete")).hasValue("false");
                    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                            .endsWith("-parcial.zip\"");
                    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
                        assertThat(zip.getNextEntry()).isNull();
                    }
                }));
    }

    // ---------------------------------------------------------------- documents

    private static byte[] form() {
        return Fixtures.utf8(Fixtures.smallForm());
    }

    private static byte[] amendment() {
        return Fixtures.read(Path.of("examples/agreement-amendment/minimal.json"));
    }

    private static byte[] plan() {
        return Fixtures.read(Path.of("examples/operational-plan/small-plan.json"));
    }

    private static byte[] budget() {
        return Fixtures.read(Path.of("examples/budget-summary/anexo-1-bienes-y-servicios.json"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The example with the text at {@code pointer} replaced. */
    static byte[] with(byte[] example, String pointer, String text) {
        ObjectNode root = (ObjectNode) JSON.readTree(example);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        ((ObjectNode) parent).put(pointer.substring(slash + 1), text);
        return JSON.writeValueAsBytes(root);
    }

    private static byte[] batch(String webhook) {
        return utf8("{\"type\":\"poa-execution-form\",\"webhook\":" + JSON.writeValueAsString(webhook)
                + ",\"items\":[{\"name\":\"uno\",\"document\":" + Fixtures.smallForm() + "}]}");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    private static byte[] multipart(byte[] content, String fileName, String type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--XYZ--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- hostile PDFs

    private static byte[] pdfWithXfa(String xml) throws IOException {
        return pdfWithXfaStream(utf8(xml));
    }

    /** A PDF whose AcroForm carries {@code xfa}; bytes starting with a zlib header are marked FlateDecode. */
    private static byte[] pdfWithXfaStream(byte[] xfa) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            form.getCOSObject().setItem(COSName.XFA, stream(document, xfa));
            return save(document);
        }
    }

    private static byte[] pdfWithPageContent(byte[] content) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            page.getCOSObject().setItem(COSName.CONTENTS, stream(document, content));
            return save(document);
        }
    }

    private static byte[] pdfWithActions(Target target) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSDictionary launch = new COSDictionary();
            launch.setItem(COSName.S, COSName.getPDFName("Launch"));
            launch.setItem(
                    COSName.F, new COSString(target.canary().toAbsolutePath().toString()));
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("OpenAction"), launch);
            COSDictionary uri = new COSDictionary();
            uri.setItem(COSName.S, COSName.getPDFName("URI"));
            uri.setItem(
                    COSName.getPDFName("URI"),
                    new COSString("http://127.0.0.1:" + target.trap().port() + "/"));
            COSDictionary link = new COSDictionary();
            link.setItem(COSName.TYPE, COSName.getPDFName("Annot"));
            link.setItem(COSName.SUBTYPE, COSName.getPDFName("Link"));
            link.setItem(COSName.A, uri);
            COSArray rect = new COSArray();
            for (int v : new int[] {0, 0, 100, 100}) {
                rect.add(COSInteger.get(v));
            }
            link.setItem(COSName.RECT, rect);
            COSArray annotations = new COSArray();
            annotations.add(link);
            page.getCOSObject().setItem(COSName.ANNOTS, annotations);
            return save(document);
        }
    }

    private static COSStream stream(PDDocument document, byte[] bytes) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(bytes);
        }
        if (bytes.length > 2 && bytes[0] == 0x78) {
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        }
        return stream;
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    private static final Map<Integer, byte[]> BOMBS = new ConcurrentHashMap<>();

    /** {@code megabytes} of zeros, deflated: a few hundred kilobytes that inflate a thousandfold. */
    private static byte[] deflatedZeros(int megabytes) {
        return BOMBS.computeIfAbsent(megabytes, mb -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < mb; i++) {
                    deflater.write(zeros);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    private static byte[] shortenByteRange(byte[] signed) {
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        Matcher range = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*]")
                .matcher(text);
        assertThat(range.find()).as("a signature's /ByteRange").isTrue();
        String shorter = range.group().replace(" " + range.group(4), " " + (Long.parseLong(range.group(4)) - 100));
        shorter = shorter + " ".repeat(range.group().length() - shorter.length());
        return (text.substring(0, range.start()) + shorter + text.substring(range.end()))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] zeroContents(byte[] signed) {
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        Matcher contents = Pattern.compile("/Contents\\s*<([0-9A-Fa-f]+)>").matcher(text);
        assertThat(contents.find()).as("a signature's /Contents").isTrue();
        return (text.substring(0, contents.start(1))
                        + "0".repeat(contents.group(1).length())
                        + text.substring(contents.end(1)))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---------------------------------------------------------------- the service under attack

    /** The running service, the canary and the trap; also one stored form signed ELABORADO for the tampering cases. */
    record Target(
            int port,
            Path canary,
            TrapServer trap,
            TrapServer.Redirector redirector,
            HttpClient client,
            byte[][] signed,
            String[] id) {
        Target(int port, Path canary, TrapServer trap, TrapServer.Redirector redirector) {
            this(
                    port,
                    canary,
                    trap,
                    redirector,
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build(),
                    new byte[1][],
                    new String[1]);
        }

        /** Puts the trap's port and the canary's path into a payload. */
        String plant(String payload) {
            return payload.replace("TRAP", String.valueOf(trap.port()))
                    .replace("CANARY_PATH", canary.toAbsolutePath().toString());
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path))
                    .timeout(Duration.ofSeconds(18))
                    .header("X-Api-Key", API_KEY);
        }

        Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        }

        Response post(String path, byte[] body, String contentType) throws IOException, InterruptedException {
            return send(request(path)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        Response get(String path) throws IOException, InterruptedException {
            return send(request(path).GET());
        }

        Response verify(byte[] pdf) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri("/api/v1/verify"))
                    .timeout(Duration.ofSeconds(18))
                    .header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
        }

        Response upload(String content, String fileName, String type) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri("/api/v1/verify"))
                    .timeout(Duration.ofSeconds(18))
                    .header("Content-Type", "multipart/form-data; boundary=XYZ")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(utf8(content), fileName, type))));
        }

        /**
         * Declares a body of {@code length} bytes and sends none of it: the limit refuses by the declared length before a
         * byte is read. Sending the body as well races the server's close (it does not drain what it refuses), and the
         * reset could swallow the 413 (seen once in CI as "header parser received no bytes").
         */
        Response declareOnly(String path, String contentType, long length) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(utf8("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Api-Key: " + API_KEY
                        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n"));
                out.flush();
                return Response.parse(oneAnswer(socket.getInputStream()));
            }
        }

        /**
         * Reads one HTTP/1.1 answer without waiting for the close: Tomcat keeps the connection open to swallow the
         * declared body that never comes.
         */
        private static byte[] oneAnswer(InputStream in) throws IOException {
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                read.write(buffer, 0, n);
                String text = read.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) {
                    continue;
                }
                Matcher length =
                        Pattern.compile("(?im)^Content-Length:\\s*(\\d+)").matcher(text.substring(0, end));
                if (length.find()
                        ? text.length() - end - 4 >= Integer.parseInt(length.group(1))
                        : text.endsWith("\r\n0\r\n\r\n")) {
                    break;
                }
            }
            return read.toByteArray();
        }

        /**
         * Anonymous verifications of a one-line non-PDF from 127.0.0.2, so the bucket drained is not the one the other
         * cases verify from (127.0.0.1); returns the first 429, or the last answer when none came in {@code max}.
         */
        Response flood(int max) throws IOException {
            byte[] body = utf8("%PDF-1.7\nnot really\n%%EOF\n");
            Response last = null;
            for (int i = 0; i < max; i++) {
                try (Socket socket =
                        new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.2"), 0)) {
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(utf8("POST /api/v1/verify HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\nContent-Type: application/pdf\r\n" + "Content-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n"));
                    out.write(body);
                    out.flush();
                    last = Response.parse(socket.getInputStream().readAllBytes());
                }
                if (last.status() == 429) {
                    return last;
                }
                assertThat(last.status())
                        .as("answer " + (i + 1) + " of the flood")
                        .isEqualTo(422);
            }
            return last;
        }

        JsonNode json(Response response) {
            return response.json();
        }

        /** The small form, stored and signed ELABORADO by ana; made once. */
        synchronized byte[] signedForm() throws Exception {
            if (signed[0] == null) {
                Response stored = send(HttpRequest.newBuilder(uri(FORM + "?store=true"))
                        .header("Authorization", HttpApiTest.basic("ana", "ana-dev"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Fixtures.smallForm())));
                assertThat(stored.status()).isEqualTo(201);
                id[0] = stored.json().get("id").stringValue();
                Response signOff = send(HttpRequest.newBuilder(uri("/api/v1/documents/" + id[0] + "/sign-offs"))
                        .header("Authorization", HttpApiTest.basic("ana", "ana-dev"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
                assertThat(signOff.status()).isEqualTo(201);
                Response pdf = send(HttpRequest.newBuilder(uri("/api/v1/documents/" + id[0] + "/pdf"))
                        .header("Authorization", HttpApiTest.basic("ana", "ana-dev"))
                        .GET());
                signed[0] = pdf.body();
            }
            return signed[0];
        }

        String signedId() throws Exception {
            signedForm();
            return id[0];
        }
    }

    record Response(int status, HttpHeaders headers, byte[] body) {
        /** A raw HTTP/1.1 answer with Connection: close (chunked bodies unwrapped). */
        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, split).split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(split + 4);
            if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
                StringBuilder joined = new StringBuilder();
                int at = 0;
                while (true) {
                    int eol = body.indexOf("\r\n", at);
                    int size = Integer.parseInt(body.substring(at, eol).trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    joined.append(body, eol + 2, eol + 2 + size);
                    at = eol + 2 + size + 2;
                }
                body = joined.toString();
            }
            return new Response(
                    Integer.parseInt(lines[0].split(" ")[1]),
                    HttpHeaders.of(headers, (a, b) -> true),
                    body.getBytes(StandardCharsets.ISO_8859_1));
        }

        boolean isPdf() {
            return body.length > 4 && body[0] == '%' && body[1] == 'P' && body[2] == 'D' && body[3] == 'F';
        }

        boolean isProblem() {
            return headers.firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        }

        /** The body as text; a PDF's extracted text, so the canary cannot hide in a content stream. */
        String text() {
            return isPdf() ? PdfDocument.of(body).text() : new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String brief() {
            String text = isPdf() ? "PDF of " + body.length + " bytes" : new String(body, StandardCharsets.UTF_8);
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** An endless-looking body of spaces, sent chunked because its length is not declared. */
    private static final class Spaces extends InputStream {
        private long left;

        Spaces(long count) {
            this.left = count;
        }

        @Override
        public int read() {
            return left-- > 0 ? ' ' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            left -= n;
            return n;
        }
    }
}
