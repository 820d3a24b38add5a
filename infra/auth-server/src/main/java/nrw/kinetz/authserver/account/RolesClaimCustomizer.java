package nrw.kinetz.authserver.account;

import java.util.List;
import java.util.Optional;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the claims every service authorizes by (docs/architecture.md#roles) into access and ID tokens: {@code roles}
 * (an array) and, for the ki role, {@code site}. A client-credentials token speaks for the client itself;
 * any other grant (authorization code, refresh) speaks for the person who signed in. Access tokens name the services
 * as their audience ({@code aud}); an ID token keeps the client it was made for, as OpenID Connect wants.
 */
final class RolesClaimCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES_CLAIM = "roles";

    static final String SITE_CLAIM = "site";

    private final Accounts accounts;
    private final List<String> audiences;

    RolesClaimCustomizer(Accounts accounts, List<String> audiences) {
        this.accounts = accounts;
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                && !OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            return;
        }
        // A token without roles would still authenticate; refusing to issue it keeps a gap between the
        // client registry and the account list from turning into anonymous-but-authenticated callers.
        Account account = accountOf(context).orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                OAuth2ErrorCodes.SERVER_ERROR, "no roles are known for '" + context.getPrincipal().getName() + "'",
                null)));
        context.getClaims().claim(ROLES_CLAIM, account.rolesClaim());
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            // The dashboard keeps a person's token on the reporting service that signed them in and calls no service with it.
            boolean dashboard = Accounts.DASHBOARD_CLIENT_ID.equals(context.getRegisteredClient().getClientId());
            context.getClaims().audience(dashboard ? List.of(Accounts.DASHBOARD_SERVICE) : audiences);
        }
        account.siteClaim().ifPresent(site -> context.getClaims().claim(SITE_CLAIM, site));
    }

    private Optional<Account> accountOf(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return accounts.client(context.getRegisteredClient().getClientId());
        }
        return accounts.user(context.getPrincipal().getName());
    }
}
