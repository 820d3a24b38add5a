package nrw.kinetz.infra.security;

import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Tells an authorization server that cannot be reached from a bad token. The decoder fetches the issuer's discovery
 * document on first use and its keys when a new key appears; when that fetch fails, the token was never checked, so
 * the caller gets 503 with {@code Retry-After} like for any other dependency that is away ({@link ProblemResponses}),
 * instead of a 500 (the decoder's own exception) or a 401 that would have a client throw away a good token.
 */
final class IssuerOutages implements JwtDecoder {

    private final JwtDecoder decoder;

    IssuerOutages(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        try {
            return decoder.decode(token);
        } catch (JwtDecoderInitializationException e) {
            throw new IssuerUnavailableException(e);
        } catch (JwtException e) {
            if (unreachable(e)) {
                throw new IssuerUnavailableException(e);
            }
            throw e;
        }
    }

    /** The keys could not be fetched: an I/O failure somewhere in the causes. */
    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof ResourceAccessException) {
                return true;
            }
        }
        return false;
    }

    /** The token could not be checked because the authorization server did not answer. */
    static final class IssuerUnavailableException extends AuthenticationException {

        IssuerUnavailableException(Throwable cause) {
            super("the authorization server cannot be reached to check the token: " + cause.getMessage(), cause);
        }
    }
}
