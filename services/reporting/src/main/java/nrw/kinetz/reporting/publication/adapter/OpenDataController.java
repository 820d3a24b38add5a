package nrw.kinetz.reporting.publication.adapter;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.reporting.aggregate.Measure;
import nrw.kinetz.reporting.aggregate.adapter.AggregatesController;
import nrw.kinetz.reporting.feed.Feed;
import nrw.kinetz.reporting.publication.DcatCatalog;
import nrw.kinetz.reporting.publication.OpenDataTable;
import nrw.kinetz.reporting.publication.OpenDataset;

/**
 * {@code /api/v1/opendata/}: the public aggregates as open data (CSV and JSON per dataset and year) and their
 * DCAT-AP.de catalog. Everyone reads the public edition, a LaKI token included: open data is what is published.
 */
@RestController
public class OpenDataController {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The first year the network reported anything: the first KIs were funded in 2012. */
    static final int FIRST_YEAR = 2012;

    private final ApiFigures figures;
    private final Clock clock;
    private final String publisher;
    private final String contactEmail;

    public OpenDataController(AggregatesController aggregates, List<Measure> measures, Feed feed, Clock clock,
            OpenDataProperties properties) {
        this.figures = new ApiFigures(aggregates, measures, feed, Caller.anonymous());
        this.clock = clock;
        this.publisher = properties.publisher();
        this.contactEmail = properties.contactEmail();
    }

    @GetMapping(path = {"/api/v1/opendata", "/api/v1/opendata/", "/api/v1/opendata/catalog.jsonld"},
            produces = {DcatCatalog.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The DCAT-AP.de catalog of the open data (JSON-LD)",
            description = "Public. One dcat:Dataset per dataset with a CSV and a JSON distribution of the given year "
                    + "(default: this year), licence dl-de/by-2-0. Bad year: 400 problem+json.")
    public ResponseEntity<Map<String, Object>> catalog(@RequestParam(required = false) String year) {
        int chosen = year(year);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(DcatCatalog.MEDIA_TYPE))
                .body(new DcatCatalog(base, chosen, publisher, contactEmail).jsonLd());
    }

    @GetMapping(path = "/api/v1/opendata/{dataset}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One open dataset of one year as JSON",
            description = "Public; exactly the rows of the public aggregates API, each with the request that gives it. "
                    + "Unknown dataset: 404; bad year: 400 problem+json.")
    public Map<String, Object> json(@PathVariable String dataset, @RequestParam(required = false) String year) {
        return table(dataset, year).json();
    }

    @GetMapping(path = "/api/v1/opendata/{dataset}.csv")
    @Operation(summary = "One open dataset of one year as CSV for German Excel",
            description = "UTF-8 with BOM, ';', decimal comma, a withheld cell is '.'.")
    public ResponseEntity<String> csv(@PathVariable String dataset, @RequestParam(required = false) String year) {
        OpenDataTable table = table(dataset, year);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CsvWriter.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(table.fileName("csv")).build().toString())
                .body(table.csv());
    }

    private OpenDataTable table(String id, String year) {
        OpenDataset dataset = OpenDataset.find(id).orElseThrow(() -> ApiProblemException.notFound(
                "'" + id + "' is not an open dataset; see /api/v1/opendata/catalog.jsonld"));
        int chosen = year(year);
        return OpenDataTable.read(dataset, chosen, YearMonth.now(clock.withZone(BERLIN)), figures);
    }

    /** A blank year is this year; otherwise a year from the network's first to this one. */
    private int year(String text) {
        int now = YearMonth.now(clock.withZone(BERLIN)).getYear();
        if (text == null || text.isBlank()) {
            return now;
        }
        try {
            int year = Integer.parseInt(text.strip());
            if (year >= FIRST_YEAR && year <= now) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below, like a year out of range
        }
        throw ApiProblemException.badRequest("The query is not valid: 1 problem(s).", List.of(ProblemError.at("/year",
                "'" + text + "' is not a year of the open data: expected " + FIRST_YEAR + " to " + now)));
    }
}
