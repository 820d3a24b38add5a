package nrw.kinetz.sites.site;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.PageLinks;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;

/**
 * Reading the registry is public (docs/architecture.md#contract): the list with filters and paging, as JSON or CSV, one site
 * with its {@code ETag}, a site's history and the network summary, also as of a past day.
 */
@RestController
@RequestMapping("/api/v1/sites")
class SiteQueryController {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 500;

    private final SiteStore store;
    private final SiteService service;

    SiteQueryController(SiteStore store, SiteService service) {
        this.store = store;
        this.service = service;
    }

    /**
     * Filters take one or more values each ({@code ?status=FUNDED&status=START_PHASE}); {@code page} counts
     * from 1. The {@code Link} header names the first, previous, next and last pages, {@code X-Total-Count}
     * the number of matching sites.
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<SiteView>> list(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> regierungsbezirk,
            @RequestParam(required = false) List<String> focusArea,
            @RequestParam(required = false) List<String> program,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        SiteFilter filter = filter(status, regierungsbezirk, focusArea, program);
        List<StoredSite> sites = store.list(filter, (page - 1) * size, size);
        return ResponseEntity.ok().headers(PageLinks.headers(page, size, store.count(filter)))
                .body(sites.stream().map(SiteView::of).toList());
    }

    /** The same list as {@link #list} for spreadsheets, with the same filters and paging. */
    @GetMapping(produces = "text/csv")
    ResponseEntity<byte[]> listAsCsv(@RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> regierungsbezirk,
            @RequestParam(required = false) List<String> focusArea,
            @RequestParam(required = false) List<String> program,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        SiteFilter filter = filter(status, regierungsbezirk, focusArea, program);
        HttpHeaders headers = PageLinks.headers(page, size, store.count(filter));
        headers.setContentDisposition(ContentDisposition.attachment().filename("ki-sites.csv").build());
        return ResponseEntity.ok().headers(headers).contentType(MediaType.parseMediaType(CsvWriter.MEDIA_TYPE))
                .body(SiteCsv.write(store.list(filter, (page - 1) * size, size)));
    }

    /** @param asOf a past day or today (ISO, e.g. 2013-12-02); today if absent */
    @GetMapping("/summary")
    NetworkSummary summary(@RequestParam(required = false) String asOf) {
        LocalDate today = service.today();
        LocalDate day = asOf == null || asOf.isBlank() ? today : parseDay(asOf);
        if (day.isAfter(today)) {
            throw ApiProblemException.badRequest("asOf " + day + " lies in the future; the summary counts steps taken",
                    List.of(ProblemError.at("/asOf", "must be today (" + today + ") or earlier")));
        }
        return NetworkSummary.of(store.all(), day);
    }

    @GetMapping("/{siteId}")
    ResponseEntity<SiteView> one(@PathVariable String siteId) {
        StoredSite site = service.get(SiteId.of(siteId));
        // With an ETag on the entity Spring answers If-None-Match with 304 by itself.
        return ResponseEntity.ok().eTag(site.etag()).body(SiteView.of(site));
    }

    /**
     * The events of the site in the order they happened, as published on {@code ki.sites.v1}, a page at a time
     * (oldest first; {@code Link} and {@code X-Total-Count} as for the list of sites).
     */
    @GetMapping("/{siteId}/history")
    ResponseEntity<List<HistoryEntry>> history(@PathVariable String siteId,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        SiteId id = SiteId.of(siteId);
        SiteStore.HistoryPage events = store.history(id, (int) Math.min(Integer.MAX_VALUE, (page - 1L) * size), size)
                .orElseThrow(() -> SiteService.unknown(id));
        return ResponseEntity.ok().headers(PageLinks.headers(page, size, events.total()))
                .body(events.events().stream().map(HistoryEntry::of).toList());
    }

    private static SiteFilter filter(List<String> status, List<String> regierungsbezirk, List<String> focusArea,
            List<String> program) {
        return new SiteFilter(parse("status", status, SiteStatus::parse, SiteStatus.class),
                parse("regierungsbezirk", regierungsbezirk, Regierungsbezirk::parse, Regierungsbezirk.class),
                parse("focusArea", focusArea, FocusArea::parse, FocusArea.class),
                parse("program", program, Program::parse, Program.class));
    }

    /** Parses every value of a filter and reports all bad ones at once, each naming the valid codes. */
    private static <E extends Enum<E>> Set<E> parse(String parameter, List<String> values, Function<String, E> parser,
            Class<E> type) {
        Set<E> parsed = EnumSet.noneOf(type);
        if (values == null) {
            return parsed;
        }
        List<ProblemError> errors = new ArrayList<>();
        for (String value : values) {
            try {
                parsed.add(parser.apply(value));
            } catch (InvalidValueException e) {
                errors.add(ProblemError.at("/" + parameter, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblemException.badRequest("The " + parameter + " filter has " + errors.size() + " unknown value(s).", errors);
        }
        return parsed;
    }

    private static LocalDate parseDay(String asOf) {
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblemException.badRequest("asOf '" + asOf + "' is not a date",
                    List.of(ProblemError.at("/asOf", "must be an ISO date such as 2013-12-02")));
        }
    }
}
