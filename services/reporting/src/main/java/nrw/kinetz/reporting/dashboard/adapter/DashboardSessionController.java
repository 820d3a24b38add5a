package nrw.kinetz.reporting.dashboard.adapter;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.KiNetzSignInAutoConfiguration;
import nrw.kinetz.model.Role;

/**
 * {@code GET /dashboard/session}: what the dashboard page needs to know about the person looking at it —
 * signed in or not, as whom, whether they see exact numbers, where to sign in, and the CSRF token their
 * sign-out form must carry. The page itself is static ({@code static/index.html}); sign-in and sign-out are
 * the shared backend-for-frontend endpoints of {@link KiNetzSignInAutoConfiguration}.
 */
@RestController
@Hidden
public class DashboardSessionController {

    /** The OAuth2 client the reporting service signs people in with ({@code spring.security.oauth2.client.registration.dashboard.*}). */
    public static final String REGISTRATION_ID = "dashboard";

    private final String signInUrl;

    public DashboardSessionController(ObjectProvider<ClientRegistrationRepository> clients) {
        ClientRegistrationRepository repository = clients.getIfAvailable();
        boolean registered = repository != null && repository.findByRegistrationId(REGISTRATION_ID) != null;
        this.signInUrl = registered ? KiNetzSignInAutoConfiguration.SIGN_IN_PATH + REGISTRATION_ID : null;
    }

    @GetMapping(path = "/dashboard/session", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DashboardSession> session(Caller caller, HttpServletRequest request) {
        DashboardSession session;
        if (caller.isAuthenticated()) {
            session = DashboardSession.signedIn(caller.subject().orElseThrow(),
                    caller.roles().stream().map(Role::claimValue).sorted().toList(),
                    caller.roles().stream().map(Role::label).sorted().findFirst().orElse(null),
                    caller.seesExactNumbers(), csrfOf(request));
        } else {
            session = DashboardSession.anonymous(signInUrl);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(session);
    }

    /**
     * Only a person with a session gets a token: asking for one would otherwise create a session for every
     * anonymous visitor (and bearer-token callers need none).
     */
    private static DashboardSession.Csrf csrfOf(HttpServletRequest request) {
        if (request.getSession(false) == null || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return null;
        }
        return new DashboardSession.Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
    }

    /**
     * @param signedIn     whether a person is signed in (with a session cookie) or the caller has a token
     * @param name         who, e.g. {@code laki}; {@code null} when not signed in
     * @param roles        their platform roles, e.g. {@code ["laki"]}
     * @param roleLabel    the German name of the role, e.g. "Landesweite Koordinierungsstelle"
     * @param exactNumbers whether the API shows them exact small counts (the laki role) or suppressed ones
     * @param signInUrl    where the "Anmelden" button leads; {@code null} if the service signs nobody in
     * @param csrf         the token a signed-in person's sign-out form carries; {@code null} otherwise
     */
    public record DashboardSession(boolean signedIn, String name, List<String> roles, String roleLabel, boolean exactNumbers,
            String signInUrl, Csrf csrf) {

        static DashboardSession anonymous(String signInUrl) {
            return new DashboardSession(false, null, List.of(), null, false, signInUrl, null);
        }

        static DashboardSession signedIn(String name, List<String> roles, String roleLabel, boolean exactNumbers, Csrf csrf) {
            return new DashboardSession(true, name, roles, roleLabel, exactNumbers, null, csrf);
        }

        record Csrf(String headerName, String parameterName, String token) {
        }
    }
}
