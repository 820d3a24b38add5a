package nrw.kinetz.infra.testapp;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands a signed-in browser its session's CSRF token, as a page would put it into its forms. */
@RestController
class CsrfTokenController {

    @GetMapping("/test/csrf-token")
    String csrfToken(CsrfToken token) {
        return token.getToken();
    }
}
