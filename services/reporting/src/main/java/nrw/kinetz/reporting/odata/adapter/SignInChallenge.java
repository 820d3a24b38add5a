package nrw.kinetz.reporting.odata.adapter;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Power BI's and Excel's "Organisational account" (Organisationskonto) on the OData feed: before it signs anyone in,
 * Power Query asks the feed with an empty bearer token ({@code Authorization: Bearer}) and takes the sign-in
 * service from the {@code authorization_uri} of the 401's {@code WWW-Authenticate}. Without that answer it reports
 * the credential type as unsupported. After the sign-in it sends the token it got like any other bearer token,
 * which Spring Security checks (issuer, audience, the {@code laki} role for exact numbers).
 *
 * <p>Runs before Spring Security, which would refuse the empty token as malformed without naming a sign-in service.
 */
final class SignInChallenge extends OncePerRequestFilter {

    private final String authorizationUri;

    /** @param authorizationUri the sign-in service's authorization endpoint, e.g. Entra ID's {@code …/oauth2/authorize} */
    SignInChallenge(String authorizationUri) {
        this.authorizationUri = authorizationUri;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization == null || !authorization.strip().equalsIgnoreCase("Bearer");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer authorization_uri=\"" + authorizationUri + "\"");
        response.setContentType("application/json;charset=UTF-8");
        // In the OData error format, which Excel and Power BI show.
        response.getWriter().write("{\"error\":{\"code\":\"401\",\"message\":\"Sign in at " + authorizationUri
                + " and send the access token as a bearer token, or connect anonymously or with an API key.\"}}");
    }
}
