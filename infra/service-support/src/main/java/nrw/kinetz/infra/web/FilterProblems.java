package nrw.kinetz.infra.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem+json written by a servlet filter, before Spring MVC and its {@link ProblemDetailsAdvice} are reached:
 * the same shape (with the {@code errors} array) and the same translation.
 */
public final class FilterProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FilterProblems() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Locale language = ProblemTexts.language(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String said = ProblemTexts.standard().translate(detail, language);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", ProblemTexts.standard().translate(status.getReasonPhrase(), language));
        body.put("status", status.value());
        body.put("detail", said);
        body.put("instance", request.getRequestURI());
        body.put(ProblemDetailsAdvice.ERRORS, List.of(Map.of("detail", said)));
        response.setStatus(status.value());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
