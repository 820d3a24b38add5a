package nrw.kinetz.infra.testapp;

import java.util.Map;

import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers with the trace ids a log line written while handling the request carries. */
@RestController
class TraceController {

    @GetMapping("/test/trace")
    Map<String, String> trace() {
        return Map.of("traceId", String.valueOf(MDC.get("traceId")), "spanId", String.valueOf(MDC.get("spanId")));
    }
}
