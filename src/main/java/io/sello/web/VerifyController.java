package io.sello.web;

import io.sello.signoff.Actor;
import io.sello.signoff.Verification;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

/**
 * Verification for anyone holding a file: upload a PDF. The page the QR code of every stored page links to
 * is {@link VerificationPageController}.
 */
@RestController
@SecurityRequirements // open to anyone (SecurityConfiguration): the OpenAPI document declares no scheme
class VerifyController {
    private final Verification verification;
    private final SecurityProperties security;
    private final RenderGate gate;
    private final AnonymousVerifyLimit anonymous;

    VerifyController(
            Verification verification, SecurityProperties security, RenderGate gate, AnonymousVerifyLimit anonymous) {
        this.verification = verification;
        this.security = security;
        this.gate = gate;
        this.anonymous = anonymous;
    }

    @PostMapping(
            path = "/api/v1/verify",
            consumes = MediaType.APPLICATION_PDF_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Verification.Result verifyPdf(@RequestBody byte[] pdf, Authentication who, HttpServletRequest request) {
        return verify(pdf, who, request);
    }

    @PostMapping(
            path = "/api/v1/verify",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Verification.Result verifyUpload(
            @RequestPart("file") MultipartFile file, Authentication who, HttpServletRequest request)
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
        anonymous.charge(actor, request);
        return gate.run(() -> verification.verifyUpload(pdf, actor));
    }
}
