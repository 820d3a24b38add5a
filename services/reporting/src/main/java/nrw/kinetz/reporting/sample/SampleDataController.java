package nrw.kinetz.reporting.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** {@code GET /api/v1/sample-data}: whether the numbers contain sample data, for the dashboard's badge. Public. */
@RestController
class SampleDataController {

    private final MongoSampleData sampleData;

    SampleDataController(MongoSampleData sampleData) {
        this.sampleData = sampleData;
    }

    @Operation(summary = "Whether the activities contain sample data", description = """
            `{"present": true, "since": "2026-12-04T10:00:00Z"}` once an activity marked as sample data \
            (its note begins with `[Beispieldaten]`, as `./kinetz demo` writes them) was counted, else \
            `{"present": false}`.""")
    @GetMapping("/api/v1/sample-data")
    Map<String, Object> sampleData() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("present", sampleData.since().isPresent());
        sampleData.since().ifPresent(since -> answer.put("since", since.toString()));
        return answer;
    }
}
