package nrw.kinetz.catalog.offering;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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
import nrw.kinetz.catalog.EventCatalogApplication;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.PageLinks;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.OfferingType;

/**
 * Reading the catalog is public: the offerings by first session with filters and paging, as JSON or CSV, and
 * one offering with its {@code ETag}. Drafts are their organisers' business and appear nowhere else.
 */
@RestController
@RequestMapping("/api/v1/offerings")
class OfferingQueryController {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final OfferingStore store;
    private final OfferingService service;

    OfferingQueryController(OfferingStore store, OfferingService service) {
        this.store = store;
        this.service = service;
    }

    /**
     * @param from         only offerings still running on or after this day (ISO date)
     * @param organiserSite site ids, or {@code laki}
     * @param freeSeats    {@code true}: only offerings with a free seat
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<OfferingView>> list(@RequestParam(required = false) String from,
            @RequestParam(required = false) List<String> focusArea, @RequestParam(required = false) List<String> organiserSite,
            @RequestParam(required = false) List<String> type, @RequestParam(defaultValue = "false") boolean freeSeats,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        OfferingFilter filter = OfferingFilter.parse(from, focusArea, organiserSite, type, freeSeats);
        return ResponseEntity.ok().headers(PageLinks.headers(page, size, store.count(filter)))
                .body(store.list(filter, (page - 1) * size, size).stream().map(OfferingView::of).toList());
    }

    /** The same list as {@link #list} for spreadsheets, with the same filters and paging. */
    @GetMapping(produces = "text/csv")
    ResponseEntity<byte[]> listAsCsv(@RequestParam(required = false) String from,
            @RequestParam(required = false) List<String> focusArea, @RequestParam(required = false) List<String> organiserSite,
            @RequestParam(required = false) List<String> type, @RequestParam(defaultValue = "false") boolean freeSeats,
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        OfferingFilter filter = OfferingFilter.parse(from, focusArea, organiserSite, type, freeSeats);
        HttpHeaders headers = PageLinks.headers(page, size, store.count(filter));
        headers.setContentDisposition(ContentDisposition.attachment().filename("ki-veranstaltungen.csv").build());
        return ResponseEntity.ok().headers(headers).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(OfferingCsv.write(store.list(filter, (page - 1) * size, size).stream().map(OfferingView::of).toList()));
    }

    @GetMapping("/{offeringId}")
    ResponseEntity<OfferingView> one(@PathVariable String offeringId, Caller caller) {
        StoredOffering offering = service.visibleTo(offeringId, caller);
        return ResponseEntity.ok().eTag(offering.etag()).body(OfferingView.of(offering));
    }
}
