package nrw.kinetz.catalog.calendar;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nrw.kinetz.catalog.offering.OfferingFilter;
import nrw.kinetz.catalog.offering.OfferingStore;

/**
 * {@code GET /api/v1/calendar.ics}: the published and cancelled offerings as a calendar to subscribe to, with the
 * list's filters for organiser site and focus area.
 */
@RestController
class CalendarController {

    private static final int MAX_OFFERINGS = 2000;

    private final OfferingStore store;
    private final String publicUrl;
    private final Clock clock;

    CalendarController(OfferingStore store, @Value("${kinetz.catalog.public-url}") String publicUrl, Clock clock) {
        this.store = store;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @GetMapping("/api/v1/calendar.ics")
    ResponseEntity<byte[]> calendar(@RequestParam(required = false) List<String> organiserSite,
            @RequestParam(required = false) List<String> focusArea) {
        OfferingFilter filter = OfferingFilter.parse(null, focusArea, organiserSite, null, false);
        byte[] body = ICalendar.write("KI-Netz NRW Veranstaltungen", store.list(filter, 0, MAX_OFFERINGS), publicUrl,
                clock.instant());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(ICalendar.MEDIA_TYPE + ";charset=UTF-8"))
                .header("Content-Disposition", ContentDisposition.inline().filename("ki-netz-veranstaltungen.ics").build().toString())
                .body(body);
    }
}
