package io.sello.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;

/**
 * The staff sign-in page, {@code GET /login}: user name and password (Spring Security's form login
 * handles the POST), and "Entrar con …" when the organisation's identity provider is configured. Written
 * here rather than as a static file because the form carries the CSRF token and works without JavaScript.
 * {@code ?continue=/ui/…} says where to go back to afterwards; only a path of this service is accepted.
 */
@Controller
@Hidden // a page for people, not part of the API
class LoginPageController {
    static final String CONTINUE = "continue";
    /** Where a person signing in through the identity provider goes back to: the provider's round trip loses the form. */
    static final String CONTINUE_AFTER_OIDC = LoginPageController.class.getName() + ".continue";

    private final OidcProperties oidc;

    LoginPageController(OidcProperties oidc) {
        this.oidc = oidc;
    }

    /** A path of this service to go back to after signing in, or {@code null}: never another site, never the login page itself. */
    static String safeContinue(String target) {
        if (target == null
                || target.length() > 500
                || !target.startsWith("/")
                || target.startsWith("//")
                || !target.matches("/[A-Za-z0-9/_.~%?=&+-]*")
                || target.startsWith("/login")
                || target.startsWith("/logout")) {
            return null;
        }
        return target;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(
            HttpServletRequest request,
            @RequestParam(name = CONTINUE, required = false) String target,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String salida) {
        String back = safeContinue(target);
        if (back != null && oidc.enabled()) {
            request.getSession().setAttribute(CONTINUE_AFTER_OIDC, back);
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = error == null
                ? (salida != null ? "<p class=\"notice\" role=\"status\">Ha cerrado la sesión.</p>" : "")
                : "<p class=\"error\" role=\"alert\" id=\"login-error\">" + HtmlUtils.htmlEscape(errorText(error))
                        + "</p>";
        String provider = !oidc.enabled()
                ? ""
                : "<div class=\"or\"><span>o</span></div>"
                        + "<a class=\"button provider\" id=\"oidc\" href=\"/oauth2/authorization/"
                        + OidcProperties.REGISTRATION_ID + "\">Entrar con "
                        + HtmlUtils.htmlEscape(oidc.providerName()) + "</a>";
        String html = """
                <!DOCTYPE html>
                <html lang="es">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Sello · Entrar</title><link rel="stylesheet" href="/ui/sello.css"><link rel="stylesheet" href="/ui/entrar.css"></head>
                <body class="signin">
                <header><a href="/ui/index.html">Sello</a></header>
                <main>
                  <h1>Entrar en Sello</h1>
                  %s
                  <form method="post" action="/login" class="signin-form">
                    <label for="username">Usuario</label>
                    <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
                    <label for="password">Contraseña</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input type="hidden" name="%s" value="%s">%s
                    <button id="login" type="submit">Entrar</button>
                  </form>
                  %s
                </main>
                <script>document.body.dataset.ready = 'true';</script>
                </body>
                </html>
                """.formatted(
                        message,
                        HtmlUtils.htmlEscape(csrf.getParameterName()),
                        HtmlUtils.htmlEscape(csrf.getToken()),
                        back == null
                                ? ""
                                : "\n    <input type=\"hidden\" name=\"" + CONTINUE + "\" value=\""
                                        + HtmlUtils.htmlEscape(back) + "\">",
                        provider);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    private String errorText(String code) {
        return switch (code) {
            case "caducada" -> "La página de entrada había caducado. Vuelva a escribir su usuario y contraseña.";
            case OidcSignIn.NO_ROLE ->
                "Su cuenta de " + oidc.providerName()
                        + " no tiene ningún rol en Sello. Pida uno a quien administra las cuentas.";
            case "oidc" -> "No se pudo entrar con " + oidc.providerName() + ". Vuelva a intentarlo.";
            default -> "Usuario o contraseña incorrectos";
        };
    }
}
