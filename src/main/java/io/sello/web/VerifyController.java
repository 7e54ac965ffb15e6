package io.sello.web;

import io.sello.signing.SignatureCheck;
import io.sello.signoff.Actor;
import io.sello.signoff.Verification;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;

/**
 * Verification for anyone holding a file or a printout: upload a PDF, or open the page the QR code
 * of every stored page links to.
 */
@RestController
@SecurityRequirements // open to anyone (SecurityConfiguration): the OpenAPI document declares no scheme
class VerifyController {
    private final Verification verification;
    private final SecurityProperties security;
    private final RenderGate gate;
    private final AnonymousVerifyLimit anonymous;

    VerifyController(Verification verification, SecurityProperties security, RenderGate gate, AnonymousVerifyLimit anonymous) {
        this.verification = verification;
        this.security = security;
        this.gate = gate;
        this.anonymous = anonymous;
    }

    @PostMapping(path = "/api/v1/verify", consumes = MediaType.APPLICATION_PDF_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Verification.Result verifyPdf(@RequestBody byte[] pdf, Authentication who, HttpServletRequest request) {
        return verify(pdf, who, request);
    }

    @PostMapping(path = "/api/v1/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Verification.Result verifyUpload(@RequestPart("file") MultipartFile file, Authentication who, HttpServletRequest request)
            throws IOException {
        return verify(file.getBytes(), who, request);
    }

    /**
     * Anonymous callers first spend a token of their address's bucket (429 when it is empty); then the
     * verification takes a render slot like a render does, so uploads share the cores' queue, its 429 and
     * its time bound (503 /problems/render-timeout) with renders instead of competing with them unbounded.
     */
    private Verification.Result verify(byte[] pdf, Authentication who, HttpServletRequest request) {
        Actor actor = SecurityConfiguration.actor(who, security);
        if (actor == Actor.ANONYMOUS) {
            anonymous.acquire(request.getRemoteAddr());
        }
        return gate.run(() -> verification.verifyUpload(pdf, actor));
    }

    /** The page behind the QR code: plain HTML, every value escaped. */
    @GetMapping(path = "/verify/{id}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String id, Authentication who) {
        Verification.Result result = verification.verifyStored(RegistryController.parse(id), SecurityConfiguration.actor(who, security));
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\">"
                + "<title>Verificación de documento</title></head><body><h1>Verificación de documento</h1>");
        html.append("<p>Documento <code>").append(esc(result.documentId())).append("</code>, estado <b>")
                .append(esc(result.status())).append("</b>.</p>");
        html.append("<p>SHA-256 del archivo registrado: <code>").append(esc(result.report().sha256())).append("</code> — ")
                .append(result.matchesRegistry() ? "coincide con el registro." : "<b>NO coincide con el registro.</b>").append("</p>");
        html.append("<table border=\"1\"><tr><th>Paso</th><th>Firmante</th><th>Fecha</th><th>Revisión</th><th>Válida</th></tr>");
        for (SignatureCheck s : result.report().signatures()) {
            html.append("<tr><td>").append(esc(s.step())).append("</td><td>").append(esc(s.signer())).append("</td><td>")
                    .append(esc(String.valueOf(s.time()))).append("</td><td>").append(s.revision()).append("</td><td>")
                    .append(s.valid() ? "sí" : "NO: " + esc(s.problem())).append("</td></tr>");
        }
        html.append("</table><p>").append(result.report().changedAfterLastSignature()
                ? "<b>El archivo fue modificado después de la última firma.</b>" : "Sin cambios después de la última firma.")
                .append("</p>");
        if (!result.report().findings().isEmpty()) {
            html.append("<h2>Observaciones</h2><ul>");
            result.report().findings().forEach(f -> html.append("<li>").append(esc(f)).append("</li>"));
            html.append("</ul>");
        }
        html.append("<p>Compare el código impreso junto al QR con los primeros 16 caracteres de la huella"
                        + " del documento emitido.</p></body></html>");
        return html.toString();
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
