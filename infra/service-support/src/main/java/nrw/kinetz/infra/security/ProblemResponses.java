package nrw.kinetz.infra.security;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.kinetz.infra.web.FilterProblems;

/**
 * 401 and 403 as problem+json, like every other error, keeping the RFC 6750 {@code WWW-Authenticate}
 * header that bearer-token clients rely on. These happen in the filter chain, before Spring MVC.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String ISSUER_UNAVAILABLE = "The authorization server cannot be reached to check the bearer token at the "
            + "moment; try again after the Retry-After delay.";
    private static final Duration ISSUER_RETRY_AFTER = Duration.ofSeconds(5);

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDeniedHandler = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof IssuerOutages.IssuerUnavailableException) {
            // not the token's fault: no challenge, the same request may succeed later
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ISSUER_RETRY_AFTER.toSeconds()));
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ISSUER_UNAVAILABLE);
            return;
        }
        bearerEntryPoint.commence(request, response, e);
        String detail = request.getHeader("Authorization") == null
                ? "This request needs a bearer token."
                : "The bearer token was refused: " + e.getMessage();
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) {
            // Not a question of the token's roles: a signed-in browser sent a change without its CSRF token.
            write(request, response, HttpStatus.FORBIDDEN, "This request relies on a session cookie and must carry the "
                    + "session's CSRF token (form field _csrf or header X-CSRF-TOKEN): " + e.getMessage());
            return;
        }
        bearerDeniedHandler.handle(request, response, e);
        String detail = e.getMessage() == null || e.getMessage().equals("Access Denied")
                ? "The token's roles do not allow this request."
                : e.getMessage();
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        FilterProblems.write(request, response, status, detail);
    }
}
