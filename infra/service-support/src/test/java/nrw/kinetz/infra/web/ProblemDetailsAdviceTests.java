package nrw.kinetz.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;

class ProblemDetailsAdviceTests {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest());
    private final ApplicationException unknown = ApplicationException.of(Kind.NOT_FOUND, "site.unknown",
            "Site 05999 is not registered.", "05999");

    @Test
    void aProblemsDetailIsTheMessageOfItsCodeWithItsArgumentsWhereOneIsDefined() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problemDetail.site.unknown", Locale.GERMAN, "Standort {0} ist nicht registriert.");
        advice.setMessageSource(messages);
        LocaleContextHolder.setLocale(Locale.GERMAN);
        try {
            assertThat(detailOf(advice.applicationProblem(unknown, request))).isEqualTo("Standort 05999 ist nicht registriert.");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void withoutAMessageTheDetailIsTheExceptionsOwn() {
        advice.setMessageSource(new StaticMessageSource());

        ResponseEntity<Object> response = advice.applicationProblem(unknown, request);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(detailOf(response)).isEqualTo("Site 05999 is not registered.");
    }

    private static String detailOf(ResponseEntity<Object> response) {
        return ((ProblemDetail) response.getBody()).getDetail();
    }
}
