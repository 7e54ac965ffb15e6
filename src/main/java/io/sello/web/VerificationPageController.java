package io.sello.web;

import io.sello.document.DocumentSummary;
import io.sello.document.DocumentTypes;
import io.sello.pdfdata.PdfDataImport;
import io.sello.rendering.PageTemplates;
import io.sello.rendering.RenderingProperties;
import io.sello.signing.SignatureCheck;
import io.sello.signing.TimestampCheck;
import io.sello.signing.Verdict;
import io.sello.signing.VerificationReport;
import io.sello.signoff.Actor;
import io.sello.signoff.DocumentNotFoundException;
import io.sello.signoff.Verification;
import io.sello.storage.DocumentId;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.SignOffKind;
import io.sello.storage.SignOffStep;
import io.sello.storage.StoredDocument;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The page behind the QR code printed on every page of a stored document (issue 15, point 5): a reviewer
 * holding the paper opens it on a phone. It is rendered on the server, so it reads without JavaScript; the
 * upload box posts a form, which a small script turns into an in-page answer when scripts run.
 *
 * <p>Public, like the rest of verification. The download and the upload check spend a token of the anonymous
 * verification limit (sello.limits.pdf.anonymous-per-minute) for callers without an account, as
 * POST /api/v1/verify does; the check verifies the file's signatures inside a render slot (RenderGate).
 */
@RestController
@SecurityRequirements // open to anyone (SecurityConfiguration)
class VerificationPageController {
    /** dd/mm/aaaa hh:mm, as people in Bolivia write a date and time. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    /** The page loads its own style sheet and script and nothing else (no CDN, nothing inline). */
    private static final String POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Verification verification;
    private final DocumentRegistry registry;
    private final DocumentTypes types;
    private final PageTemplates pages;
    private final SecurityProperties security;
    private final RenderGate gate;
    private final AnonymousVerifyLimit anonymous;
    private final ZoneId zone;
    private final PdfDataImport pdfData;

    VerificationPageController(
            Verification verification,
            DocumentRegistry registry,
            DocumentTypes types,
            PageTemplates pages,
            SecurityProperties security,
            RenderGate gate,
            AnonymousVerifyLimit anonymous,
            RenderingProperties rendering,
            PdfDataImport pdfData) {
        this.pdfData = pdfData;
        this.verification = verification;
        this.registry = registry;
        this.types = types;
        this.pages = pages;
        this.security = security;
        this.gate = gate;
        this.anonymous = anonymous;
        // the zone the signature appearances print their date in (PdfSigner), so page and paper agree
        this.zone = ZoneId.of(rendering.timeZone());
    }

    @GetMapping(path = "/verify/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String id, Authentication who) {
        Optional<StoredDocument> document = find(id);
        if (document.isEmpty()) {
            return notFound();
        }
        return html(HttpStatus.OK, pages.render("verificacion.ftlh", model(document.get(), who, null)));
    }

    /** The registered file as it is now, for anyone holding the link: a stored byte array, so cheap, but counted. */
    @GetMapping(path = "/verify/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<?> pdf(@PathVariable String id, Authentication who, HttpServletRequest request) {
        Optional<StoredDocument> document = find(id);
        if (document.isEmpty()) {
            return notFound();
        }
        anonymous.charge(SecurityConfiguration.actor(who, security), request);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(document.get().fileName(), StandardCharsets.UTF_8)
                .build());
        headers.set("Sello-Sha256", document.get().sha256());
        return ResponseEntity.ok()
                .headers(headers)
                .body(registry.pdf(document.get().id()));
    }

    /**
     * "Descargar datos (JSON)" (issue 17, point 4): the data the registered file carries as its source, read from the
     * file itself (SourceReader), which for a stored document is the registry's input; open to whoever may download
     * the PDF, and counted the same way. A file stored before PDFs carried their data answers the not-found page.
     */
    @GetMapping(path = "/verify/{id}/datos.json")
    ResponseEntity<?> data(@PathVariable String id, Authentication who, HttpServletRequest request) {
        Optional<StoredDocument> document = find(id);
        if (document.isEmpty()) {
            return notFound();
        }
        anonymous.charge(SecurityConfiguration.actor(who, security), request);
        Optional<byte[]> json = pdfData.embedded(registry.pdf(document.get().id()));
        if (json.isEmpty()) {
            return notFound();
        }
        String name = document.get().fileName().replaceFirst("(?i)\\.pdf$", "") + ".json";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("application", "json", StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build());
        return ResponseEntity.ok()
                .headers(headers)
                .cacheControl(CacheControl.noStore())
                .body(json.get());
    }

    /**
     * "¿Tiene el archivo? Compruébelo aquí": the file is compared with every version of this document the registry
     * knows. A script asks for JSON and shows the answer in the page; without scripts the form's post gets the whole
     * page back with the answer in it.
     */
    @PostMapping(
            path = "/verify/{id}/check",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> check(
            @PathVariable String id,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication who,
            HttpServletRequest request)
            throws IOException {
        Optional<StoredDocument> document = find(id);
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        if (document.isEmpty()) {
            if (json) {
                throw new DocumentNotFoundException("no stored document with that id");
            }
            return notFound();
        }
        Actor actor = SecurityConfiguration.actor(who, security);
        anonymous.charge(actor, request);
        byte[] bytes = file.getBytes();
        Verification.Check check =
                gate.run(() -> verification.check(document.get().id(), bytes, actor));
        CheckView view = CheckView.of(check, document.get());
        if (json) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
        }
        return html(HttpStatus.OK, pages.render("verificacion.ftlh", model(document.get(), who, view)));
    }

    private Optional<StoredDocument> find(String id) {
        try {
            return registry.find(DocumentId.parse(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private ResponseEntity<String> notFound() {
        return html(HttpStatus.NOT_FOUND, pages.render("no-encontrado.ftlh", Map.of()));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", POLICY)
                .body(body);
    }

    private Map<String, Object> model(StoredDocument document, Authentication who, CheckView check) {
        Verification.Result result =
                verification.verifyStored(document.id(), SecurityConfiguration.actor(who, security));
        VerificationReport report = result.report();
        DocumentSummary summary = types.find(document.type())
                .map(t -> t.summary(document.inputJson().getBytes(StandardCharsets.UTF_8)))
                .orElse(new DocumentSummary(document.type(), "", "", ""));

        List<Map<String, Object>> signers = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        if (!result.matchesRegistry()) {
            alerts.add(
                    "El archivo registrado no es el que se firmó: su huella digital (SHA-256) no coincide con la que anotó"
                            + " el registro.");
        }
        if (report.changedAfterLastSignature()) {
            alerts.add("El archivo fue modificado después de la última firma.");
        }
        for (SignatureCheck signature : report.signatures()) {
            if (!signature.intact()) {
                alerts.add("La firma «" + stepLabel(signature.step())
                        + "» no es válida: lo firmado fue alterado o la firma" + " no corresponde a su certificado.");
            } else if (signature.verdict() == Verdict.INVALID) {
                alerts.add("La firma «" + stepLabel(signature.step()) + "» no es válida: " + signature.reason() + ".");
            }
        }
        List<SignOffSummary.Signed> summarised = new ArrayList<>();
        for (TimestampCheck stamp : report.timestamps()) {
            if (!stamp.intact()) {
                alerts.add("Un sello de tiempo del documento (" + stamp.field()
                        + ") está dañado: lo sellado fue alterado.");
            }
        }
        for (StoredDocument.SignOff signOff : document.signOffs()) {
            Optional<SignatureCheck> inFile = report.signatures().stream()
                    .filter(s -> signOff.step().name().equals(s.step()))
                    .findFirst();
            inFile.ifPresent(s -> summarised.add(new SignOffSummary.Signed(
                    s,
                    signOff.kind() == SignOffKind.PERSONAL ? SignOffSummary.Kind.PERSONAL : SignOffSummary.Kind.SEAL)));
            boolean valid = inFile.map(SignatureCheck::valid).orElse(false);
            if (inFile.isEmpty()) {
                alerts.add("Falta en el archivo la firma «"
                        + stepLabel(signOff.step().name()) + "» que anotó el registro.");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", stepLabel(signOff.step().name()));
            row.put("name", signOff.signer());
            row.put("position", signOff.position());
            row.put("when", LOCAL.format(signOff.signedAt().atZone(zone)));
            row.put("valid", valid);
            // issue 16: the service's key is the institution's seal, not the official's own signature
            row.put("kind", signOff.kind() == SignOffKind.PERSONAL ? "Firma personal" : "Sello del servicio");
            verdict(row, inFile.orElse(null));
            signers.add(row);
        }
        boolean alert = !alerts.isEmpty();
        Optional<SignOffStep> done =
                document.signOffs().stream().map(StoredDocument.SignOff::step).reduce((a, b) -> b);
        List<String> pending = new ArrayList<>();
        for (Optional<SignOffStep> next = SignOffStep.next(done); next.isPresent(); next = SignOffStep.next(next)) {
            pending.add(stepLabel(next.get().name()));
        }

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", document.id().toString());
        model.put("title", summary.title());
        model.put("organisation", summary.organisation());
        model.put("reference", summary.reference());
        model.put("date", summary.date());
        model.put("kind", types.find(document.type()).map(t -> t.title()).orElse(document.type()));
        model.put("alert", alert);
        model.put("alerts", alerts);
        model.put("badge", alert ? "No válido" : statusLabel(document.status()));
        model.put("badgeClass", alert ? "alerta" : document.status().toLowerCase(Locale.ROOT));
        model.put("signers", signers);
        // signatures in the file that no sign-off of the registry accounts for are counted too, as plain signatures
        report.signatures().stream()
                .filter(s -> summarised.stream().noneMatch(t -> t.check() == s))
                .forEach(s -> summarised.add(new SignOffSummary.Signed(s, SignOffSummary.Kind.OTHER)));
        model.put("trustSummary", SignOffSummary.of(summarised));
        model.put("timestamps", timestampsLine(report.timestamps()));
        model.put("pending", pending);
        model.put("signed", !document.signOffs().isEmpty());
        model.put("matches", result.matchesRegistry());
        model.put("unchangedAfterSigning", !report.signatures().isEmpty() && !report.changedAfterLastSignature());
        model.put("shortHash", document.renderedSha256().substring(0, 16));
        model.put("sha256", document.sha256());
        model.put(
                "findings",
                report.findings().stream()
                        .map(VerificationPageController::finding)
                        .flatMap(Optional::stream)
                        .toList());
        model.put("zone", zone.getId());
        model.put("check", check == null ? Map.of() : check.asModel());
        model.put("checked", check != null);
        return model;
    }

    /**
     * Issue 16, point 5: each signature's verdict as EU DSS rates it (badge "Válida" / "No concluyente" / "No válida"
     * and the reason), the certificate's name, the chain status, the level and the signature timestamp's time.
     */
    private void verdict(Map<String, Object> row, SignatureCheck signature) {
        Verdict verdict = signature == null ? Verdict.INVALID : signature.verdict();
        row.put("verdict", verdict.name());
        row.put("verdictLabel", verdict.label());
        row.put("verdictClass", verdictClass(verdict));
        row.put("reason", signature == null ? "la firma no está en el archivo" : signature.reason());
        row.put(
                "certificateName",
                signature == null || signature.signerCommonName() == null ? "—" : signature.signerCommonName());
        row.put("chain", signature == null ? "—" : signature.chainStatus());
        row.put("level", signature == null || signature.level() == null ? "—" : signature.level());
        row.put(
                "timestamp",
                signature == null || signature.timestampTime() == null
                        ? "sin sello de tiempo"
                        : LOCAL.format(signature.timestampTime().atZone(zone)));
    }

    /**
     * Issue 16 §5: the document time-stamps (B-T, B-LTA) in one line, e.g. "Sellos de tiempo del documento: 6, de Sello
     * Test TSA, todos de una autoridad de confianza; el último, 28/11/2026 03:00."
     */
    private String timestampsLine(List<TimestampCheck> stamps) {
        if (stamps.isEmpty()) {
            return "";
        }
        String authorities = String.join(
                ", ",
                stamps.stream()
                        .map(t -> t.tsa() == null ? "autoridad desconocida" : t.tsa())
                        .distinct()
                        .toList());
        long trusted = stamps.stream().filter(TimestampCheck::trusted).count();
        String trust = trusted == stamps.size()
                ? (stamps.size() == 1 ? "de una autoridad de confianza" : "todos de una autoridad de confianza")
                : trusted + " de " + stamps.size() + " de una autoridad de confianza";
        Optional<Instant> last = stamps.stream()
                .map(TimestampCheck::time)
                .filter(Objects::nonNull)
                .max(Instant::compareTo);
        return "Sellos de tiempo del documento: " + stamps.size() + ", de " + authorities + ", " + trust
                + last.map(t -> "; el último, " + LOCAL.format(t.atZone(zone))).orElse("") + ".";
    }

    static String verdictClass(Verdict verdict) {
        return switch (verdict) {
            case VALID -> "valida";
            case INDETERMINATE -> "no-concluyente";
            case INVALID -> "no-valida";
        };
    }

    /** "3 firmas válidas" / "1 firma válida; 2 no concluyentes (certificado de desarrollo)", from the verdicts. */
    static String trustSummary(VerificationReport report) {
        List<SignatureCheck> all = report.signatures();
        if (all.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            List<SignatureCheck> these =
                    all.stream().filter(s -> s.verdict() == verdict).toList();
            if (these.isEmpty()) {
                continue;
            }
            boolean one = these.size() == 1;
            String words = switch (verdict) {
                case VALID -> one ? "firma válida" : "firmas válidas";
                case INDETERMINATE -> one ? "firma no concluyente" : "firmas no concluyentes";
                case INVALID -> one ? "firma no válida" : "firmas no válidas";
            };
            String reasons = verdict == Verdict.VALID
                    ? ""
                    : " ("
                            + String.join(
                                    "; ",
                                    these.stream()
                                            .map(SignatureCheck::reason)
                                            .distinct()
                                            .toList()) + ")";
            parts.add(these.size() + " " + words + reasons);
        }
        return String.join("; ", parts) + ".";
    }

    static String stepLabel(String step) {
        if (step == null) {
            return "sin paso";
        }
        return switch (step) {
            case "ELABORADO" -> "Elaborado por";
            case "REVISADO" -> "Revisado por";
            case "APROBADO" -> "Aprobado por";
            default -> step;
        };
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "STORED" -> "Registrado";
            case "ELABORADO" -> "Elaborado";
            case "REVISADO" -> "Revisado";
            case "APROBADO" -> "Aprobado";
            default -> status;
        };
    }

    /**
     * The verifier's findings about active content, in Spanish; those about signatures and appended changes are
     * already said by the alerts.
     */
    private static Optional<String> finding(String finding) {
        if (finding.startsWith("the file contains JavaScript")) {
            return Optional.of("El archivo contiene JavaScript; ábralo con cuidado.");
        }
        if (finding.startsWith("the file contains a launch action")) {
            return Optional.of("El archivo pide al visor abrir un programa u otro archivo; no lo permita.");
        }
        if (finding.startsWith("the file embeds an executable")) {
            return Optional.of("El archivo lleva dentro un programa ejecutable; no lo abra.");
        }
        if (finding.startsWith("the file embeds")) {
            return Optional.of("El archivo lleva otros archivos adjuntos.");
        }
        return Optional.empty();
    }

    /**
     * The answer to "¿Tiene el archivo?", in words: {@code match} is {@code mismo}, {@code anterior} or {@code distinto}.
     *
     * @param tone {@code ok} (the same file), {@code aviso} (an earlier version) or {@code alerta}
     */
    record CheckView(String match, String tone, String heading, List<String> details) {
        CheckView {
            details = List.copyOf(details);
        }

        static CheckView of(Verification.Check check, StoredDocument document) {
            List<String> details = new ArrayList<>();
            return switch (check.match()) {
                case SAME -> {
                    details.add("Su archivo es idéntico, byte por byte, al archivo registrado de este documento"
                            + (check.version() == null
                                    ? ", que aún no tiene firmas."
                                    : ", con todas las firmas que se muestran arriba."));
                    signatures(check, details);
                    yield new CheckView(
                            "mismo",
                            check.report() != null
                                            && !check.report().changedAfterLastSignature()
                                            && check.report().signatures().stream()
                                                    .allMatch(SignatureCheck::intact)
                                    ? "ok"
                                    : "alerta",
                            "Es el mismo archivo.",
                            details);
                }
                case EARLIER -> {
                    details.add(
                            check.version() == null
                                    ? "Su archivo es este documento tal como se registró, antes de la primera firma."
                                    : "Su archivo es este documento tal como quedó con la firma «"
                                            + stepLabel(check.version().name()) + "».");
                    details.add("Después se añadieron las firmas: "
                            + String.join(
                                    ", ",
                                    check.signedSince().stream()
                                            .map(s -> "«" + stepLabel(s.name()) + "»")
                                            .toList())
                            + ". Descargue el archivo registrado para tener la versión vigente.");
                    signatures(check, details);
                    yield new CheckView("anterior", "aviso", "Es una versión anterior de este documento.", details);
                }
                case DIFFERENT -> {
                    details.add(
                            "Su archivo no es ninguna de las versiones registradas de este documento: su huella digital"
                                    + " (SHA-256) es otra. Si debía ser este documento, fue cambiado o no es el que se emitió.");
                    if (check.otherDocumentId() != null) {
                        details.add("Es otro documento del registro: /verify/" + check.otherDocumentId());
                    }
                    signatures(check, details);
                    yield new CheckView("distinto", "alerta", "Es un archivo distinto.", details);
                }
            };
        }

        /** What POST /api/v1/verify would say of the file's own signatures. */
        private static void signatures(Verification.Check check, List<String> details) {
            if (check.report() == null) {
                details.add(
                        "over-limit".equals(check.unreadable())
                                ? "No se revisaron sus firmas: el archivo supera los límites de tamaño o estructura que este servicio acepta."
                                : "No es un PDF que se pueda leer, así que no tiene firmas que revisar.");
                return;
            }
            VerificationReport report = check.report();
            if (report.signatures().isEmpty()) {
                details.add("El archivo no lleva firmas digitales.");
                return;
            }
            // only what EU DSS rates TOTAL_PASSED counts as valid; the rest are named with their reason
            long valid =
                    report.signatures().stream().filter(SignatureCheck::valid).count();
            String others = report.signatures().stream().anyMatch(s -> !s.valid())
                    ? "; "
                            + trustSummary(new VerificationReport(
                                            report.sha256(),
                                            report.revisions(),
                                            report.signatures().stream()
                                                    .filter(s -> !s.valid())
                                                    .toList(),
                                            false,
                                            List.of()))
                                    .replaceAll("\\.$", "")
                    : "";
            details.add("Firmas digitales en su archivo: " + valid + " válida" + (valid == 1 ? "" : "s") + " de "
                    + report.signatures().size() + others
                    + (report.changedAfterLastSignature()
                            ? "; además, el archivo fue modificado después de la última firma."
                            : "."));
        }

        Map<String, Object> asModel() {
            return Map.of("match", match, "tone", tone, "heading", heading, "details", details);
        }
    }
}
