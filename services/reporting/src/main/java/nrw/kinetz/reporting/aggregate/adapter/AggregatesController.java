package nrw.kinetz.reporting.aggregate.adapter;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.reporting.aggregate.AggregateCsv;
import nrw.kinetz.reporting.aggregate.AggregateQuery;
import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.InvalidAggregateQueryException;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.Measures;
import nrw.kinetz.reporting.aggregate.PublicAnswers;

/**
 * {@code GET /api/v1/aggregates}: the LaKI's aggregated picture of the network (docs/architecture.md#reading-api), as JSON or,
 * with {@code Accept: text/csv}, as CSV for German Excel.
 */
@RestController
public class AggregatesController {

    private final Measures measures;
    private final PublicAnswers publicAnswers;

    public AggregatesController(List<Measure> measures, PublicAnswers publicAnswers) {
        this.measures = new Measures(measures);
        this.publicAnswers = publicAnswers;
    }

    @GetMapping(path = "/api/v1/aggregates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Aggregated numbers of one measure, grouped by one dimension",
            description = "Public. Counts of people are exact for the laki role only. Everyone else sees each "
                    + "rounded to a multiple of 5, built from the bands of the finest cells (0; 1-4; 5-9; ...); a count "
                    + "from 1 to 4 is {\"suppressed\":true}. Every figure is rounded on its own, so rows need not add "
                    + "up to the total. Counts of sites and activities, sessions, hours, money and full-time "
                    + "equivalents are exact for everyone. Bad parameters give 400 problem+json with one "
                    + "entry per parameter (pointer /<parameter>) naming the accepted values.")
    public AggregateReport aggregates(
            @Parameter(description = "what to count: sites, activities") @RequestParam(required = false) String measure,
            @Parameter(description = "site, regierungsbezirk, status (for sites); site, regierungsbezirk, field, focusArea, "
                    + "activityType, program (for activities); for activities also up to three of these and month crossed, e.g. "
                    + "month,site,focusArea: a row per combination with activities, each row's parts naming its groups")
            @RequestParam(required = false) String groupBy,
            @Parameter(description = "YYYY-MM, YYYY-Qn or YYYY; for sites: the network as of the period's last day; "
                    + "for activities: what took place in the period (all time if absent)")
            @RequestParam(required = false) String period,
            Caller caller) {
        return report(parse(measure, groupBy, period), caller);
    }

    @GetMapping(path = "/api/v1/aggregates", produces = "text/csv")
    @Operation(summary = "The same aggregate as CSV for German Excel",
            description = "UTF-8 with BOM, ';' as separator, a withheld cell is '.', the last row is the total. "
                    + "Same parameters, rounding, suppression and errors (as problem+json) as the JSON form; for "
                    + "everyone but the laki role the headings of counts of people say they are rounded.")
    public ResponseEntity<String> aggregatesAsCsv(@RequestParam(required = false) String measure,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String period, Caller caller) {
        AggregateQuery query = parse(measure, groupBy, period);
        AggregateReport report = report(query, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CsvWriter.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(AggregateCsv.fileName(report)).build().toString())
                .body(AggregateCsv.write(report, query.measure().metrics(), caller.seesExactNumbers()));
    }

    /**
     * Every caller without exact numbers sees the same public answer, so it is kept for them all; the LaKI's is
     * computed each time.
     */
    private AggregateReport report(AggregateQuery query, Caller caller) {
        return caller.seesExactNumbers() ? compute(query, caller) : publicAnswers.answer(query, () -> compute(query, caller));
    }

    private static AggregateReport compute(AggregateQuery query, Caller caller) {
        return AggregateReport.of(query, query.answer(caller.seesExactNumbers()));
    }

    private AggregateQuery parse(String measure, String groupBy, String period) {
        try {
            return AggregateQuery.parse(measures, measure, groupBy, period);
        } catch (InvalidAggregateQueryException e) {
            // Query parameters get a pointer named after the parameter, as the shared handler does for them.
            List<ProblemError> errors = e.problems().stream()
                    .map(p -> ProblemError.at("/" + p.parameter(), p.detail()))
                    .toList();
            throw ApiProblemException.badRequest("The query is not valid: " + errors.size() + " problem(s).", errors);
        }
    }
}
