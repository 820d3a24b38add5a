package nrw.kinetz.infra.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * An absolute timeout for people's sessions: a session signed in at the authorization server ends {@code maxSession}
 * after the sign-in, however active it is. The container's idle timeout alone would keep a dashboard that reloads
 * every few seconds signed in forever, e.g. on a shared PC or a wall screen someone signed in to and walked away
 * from. Afterwards the request goes on as anonymous, and the person signs in again.
 */
final class SessionLifetime extends OncePerRequestFilter {

    /** When the person signed in, an {@link Instant} in the session. */
    static final String SIGNED_IN_AT = SessionLifetime.class.getName() + ".SIGNED_IN_AT";

    private final Duration maxSession;
    private final Clock clock;

    SessionLifetime(Duration maxSession, Clock clock) {
        if (maxSession.isNegative() || maxSession.isZero()) {
            throw new IllegalArgumentException("kinetz.sign-in.max-session must be positive, was " + maxSession);
        }
        this.maxSession = maxSession;
        this.clock = clock;
    }

    /** Sends the person to {@code target} after a sign-in and notes when it happened. */
    static AuthenticationSuccessHandler signedIn(Clock clock, String target) {
        var redirect = new SimpleUrlAuthenticationSuccessHandler(target);
        redirect.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            request.getSession().setAttribute(SIGNED_IN_AT, clock.instant());
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt
                && !clock.instant().isBefore(signedInAt.plus(maxSession))) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
