package nrw.kinetz.programs.measure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.program.Indicator;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.programs.domain.Fact;
import nrw.kinetz.programs.measure.domain.Measure;
import nrw.kinetz.programs.outbox.Announcer;
import nrw.kinetz.programs.outbox.PendingEventsSignal;
import nrw.kinetz.programs.sample.SampleData;

/**
 * Seeds plausible, made-up sample KOMM-AN II measures for the last three budget years once after start-up (in the background, see {@link SampleData}): per site and year an
 * Ankommenstreffpunkt (block A, {@code KA2-<year>-001}) and a qualification series for volunteers (block D,
 * {@code KA2-<year>-017}, the reference the activity CSV template uses), with targets; past years' measures are
 * completed. Activities that name them (e.g. from {@code ./kinetz demo}) advance their indicators. Event ids are
 * derived from the measure, as for the sample grants. Sample data, not facts.
 */
@Component
@ConditionalOnProperty(name = "kinetz.programs.seed.enabled", havingValue = "true", matchIfMissing = true)
class MeasureSeeder implements SampleData.Seeder {

    private static final Logger LOG = LoggerFactory.getLogger(MeasureSeeder.class);

    private final MeasureStore store;
    private final Announcer announcer;
    private final PendingEventsSignal relay;
    private final Clock clock;

    MeasureSeeder(MeasureStore store, Announcer announcer, PendingEventsSignal relay, Clock clock) {
        this.store = store;
        this.announcer = announcer;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public void seed() {
        LocalDate today = NetworkTime.today(clock);
        int seeded = 0;
        List<KiSiteReference> sites = KiSites.all();
        for (int index = 0; index < sites.size(); index++) {
            KiSiteReference site = sites.get(index);
            for (int year = today.getYear() - 2; year <= today.getYear(); year++) {
                seeded += seed(site, "KA2-" + year + "-001", "A", "Ankommenstreffpunkt " + site.name(), year,
                        Map.of(Indicator.MEETING_POINT_SESSIONS, 40L + index % 5 * 8, Indicator.VISITS, 400L + index * 7 % 500,
                                Indicator.VOLUNTEERS_ENGAGED, 8L + index % 9), today);
                seeded += seed(site, "KA2-" + year + "-017", "D", "Qualifizierung Ehrenamtlicher " + site.name(), year,
                        Map.of(Indicator.TRAINING_HOURS, 60L + index % 4 * 10, Indicator.VOLUNTEERS_ENGAGED, 15L + index % 6),
                        today);
            }
        }
        if (seeded > 0) {
            LOG.info("Seeded {} sample measures", seeded);
            relay.eventsPending();
        }
    }

    private int seed(KiSiteReference site, String measureId, String block, String title, int year,
            Map<Indicator, Long> targets, LocalDate today) {
        if (store.find(site.siteId(), measureId).isPresent()) {
            return 0;
        }
        List<Fact<?>> facts = new ArrayList<>();
        Measure.Outcome outcome = Measure.start(site.siteId(), measureId, Program.KOMM_AN_II, block, title,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), targets, today);
        facts.addAll(outcome.facts());
        Measure measure = outcome.measure();
        if (year < today.getYear()) {
            Measure.Outcome completed = measure.complete(LocalDate.of(year, 12, 31), today);
            facts.addAll(completed.facts());
            measure = completed.measure();
        }
        return store.insert(measure, announcer.announceSeeded(site.siteId(), facts, site.siteId() + "/" + measureId))
                ? 1 : 0;
    }
}
