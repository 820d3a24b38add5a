package nrw.kinetz.reporting.publication.adapter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.adapter.AggregatesController;
import nrw.kinetz.reporting.feed.Feed;
import nrw.kinetz.reporting.publication.AnnualReport;
import nrw.kinetz.reporting.publication.AnnualReportHtml;

/**
 * {@code GET /api/v1/reports/annual/{year}.html|.pdf}: the network's annual report. The public edition is for
 * everyone and shows what the public API shows; {@code ?edition=internal} is the LaKI's, with exact numbers.
 */
@RestController
public class AnnualReportController {

    static final String PUBLIC = "public";
    static final String INTERNAL = "internal";

    private final AggregatesController aggregates;
    private final List<Measure> measures;
    private final Feed feed;
    private final Clock clock;

    public AnnualReportController(AggregatesController aggregates, List<Measure> measures, Feed feed, Clock clock) {
        this.aggregates = aggregates;
        this.measures = measures;
        this.feed = feed;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/reports/annual/{year}.html")
    @Operation(summary = "The annual report as a German HTML page",
            description = "edition=public (default, for everyone) or internal (laki only, exact numbers; 403 otherwise). "
                    + "Every figure names the aggregates request it comes from; the appendix lists them with the feed cursor.")
    public ResponseEntity<String> html(@PathVariable String year, @RequestParam(required = false) String edition, Caller caller) {
        AnnualReport report = make(year, edition, caller);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(AnnualReportHtml.render(report));
    }

    @GetMapping(path = "/api/v1/reports/annual/{year}.pdf")
    @Operation(summary = "The annual report as a tagged, accessible PDF (PDF/UA), German",
            description = "The same report as the HTML page; same editions and errors.")
    public ResponseEntity<byte[]> pdf(@PathVariable String year, @RequestParam(required = false) String edition, Caller caller) {
        AnnualReport report = make(year, edition, caller);
        String name = "jahresbericht-" + report.year() + (report.internal() ? "-intern" : "") + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(AnnualReportPdf.render(AnnualReportHtml.render(report)));
    }

    private AnnualReport make(String yearText, String edition, Caller caller) {
        int now = YearMonth.now(clock.withZone(OpenDataController.BERLIN)).getYear();
        List<ProblemError> problems = new java.util.ArrayList<>();
        Integer year = null;
        try {
            year = Integer.parseInt(yearText.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (year == null || year < OpenDataController.FIRST_YEAR || year > now) {
            problems.add(ProblemError.at("/year", "'" + yearText + "' is not a year of the annual report: expected "
                    + OpenDataController.FIRST_YEAR + " to " + now));
        }
        boolean internal = INTERNAL.equals(edition);
        if (edition != null && !internal && !PUBLIC.equals(edition)) {
            problems.add(ProblemError.at("/edition", "'" + edition + "' is not an edition; allowed: public, internal"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.badRequest("The query is not valid: " + problems.size() + " problem(s).", problems);
        }
        if (internal && !caller.seesExactNumbers()) {
            throw new AccessDeniedException("the internal edition is for the laki role only");
        }
        ApiFigures figures = new ApiFigures(aggregates, measures, feed, internal ? caller : Caller.anonymous());
        return AnnualReport.make(year, internal, figures, clock.instant());
    }
}
