package nrw.kinetz.programs.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.security.EndpointRoles;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.programs.web.CsvDownload;

/**
 * Indicator actuals against targets per site, programme and budget year (JSON or CSV), a site's unmatched
 * activities, and the LaKI's rebuild of the read model from {@code ki.activities.v1}.
 */
@RestController
class IndicatorController {

    record IndicatorRow(Program.Block block, String measureId, String measureTitle, Indicator indicator, String name,
            Object actual, Long target) {
    }

    record Unmatched(UUID activityId, String measureId, Program program, Program.Block block, LocalDate occurredOn) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Roles {

        @Bean
        EndpointRoles rebuildingIsTheLakis() {
            return requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/admin/indicators/rebuild").hasRole("laki");
        }
    }

    private final Indicators indicators;
    private final IndicatorRebuild rebuild;

    IndicatorController(Indicators indicators, IndicatorRebuild rebuild) {
        this.indicators = indicators;
        this.rebuild = rebuild;
    }

    @GetMapping(path = "/api/v1/indicators", produces = "application/json")
    List<IndicatorRow> indicators(@RequestParam String site, @RequestParam String program,
            @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        return indicators.of(SiteId.of(site), Program.parse(program), year).stream()
                .map(f -> new IndicatorRow(f.block(), f.measureId(), f.measureTitle(), f.indicator(), f.indicator().label(),
                        Shown.json(f.indicator(), f.actual(), caller, SiteId.of(site)), f.target())).toList();
    }

    @GetMapping(path = "/api/v1/indicators", produces = CsvWriter.MEDIA_TYPE)
    ResponseEntity<byte[]> indicatorsAsCsv(@RequestParam String site, @RequestParam String program,
            @RequestParam @Min(2000) @Max(2100) int year, Caller caller) {
        CsvWriter csv = new CsvWriter().row(List.of("KI", "Programm", "Haushaltsjahr", "Baustein", "Maßnahme", "Indikator",
                "Ist", "Ziel"));
        for (Figure f : indicators.of(SiteId.of(site), Program.parse(program), year)) {
            csv.row(site, program.strip().toUpperCase(java.util.Locale.ROOT), Integer.toString(year),
                    CsvDownload.text(f.block()), CsvDownload.text(f.measureId()), f.indicator().name(),
                    Shown.csv(f.indicator(), f.actual(), caller, SiteId.of(site)), CsvDownload.text(f.target()));
        }
        return CsvDownload.of(csv, "ki-indicators.csv", org.springframework.http.HttpHeaders.EMPTY);
    }

    /** Activities that name a measure the site does not have: they count for their programme and are listed here. */
    @GetMapping("/api/v1/sites/{siteId}/unmatched-activities")
    List<Unmatched> unmatched(@PathVariable String siteId) {
        return indicators.unmatched(SiteId.of(siteId)).stream().map(c -> new Unmatched(c.activityId(), c.measureId(),
                c.program(), c.block(), c.occurredOn())).toList();
    }

    /** Drops the read model and reads {@code ki.activities.v1} again from the start; answers at once (202). */
    @PostMapping("/api/v1/admin/indicators/rebuild")
    @PreAuthorize("hasRole('laki')")
    ResponseEntity<Void> rebuild() {
        rebuild.start();
        return ResponseEntity.accepted().build();
    }
}
