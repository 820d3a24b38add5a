package nrw.kinetz.sites.site;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.sites.site.domain.Fact;
import nrw.kinetz.sites.site.domain.Outcome;
import nrw.kinetz.sites.site.domain.Site;
import nrw.kinetz.sites.site.domain.SiteIdentity;
import nrw.kinetz.sites.site.domain.WorkFocus;

/**
 * Seeds the 54 KI sites with their sample history at start-up, once: a site that is stored already is left
 * alone, so restarts and several instances add nothing. Each seeded site goes through the same commands as
 * a live one (registered as DECIDED, then FUNDED, START_PHASE and ESTABLISHED on its sample dates, the
 * default staffing plan, its focus areas and programmes), so its history reads like a real one.
 *
 * <p>Seed events get ids derived from the site and their position, not random ones: if the store is wiped
 * but the topic kept, seeding again republishes the same {@code ce_id}s, which consumers count once.
 */
class SiteSeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SiteSeeder.class);

    private final SiteStore store;
    private final SiteService service;
    private final PendingEventsSignal relay;

    SiteSeeder(SiteStore store, SiteService service, PendingEventsSignal relay) {
        this.store = store;
        this.service = service;
        this.relay = relay;
    }

    @Override
    public void run(ApplicationArguments args) {
        SampleHistory history = SampleHistory.load();
        int seeded = 0;
        for (KiSiteReference reference : KiSites.all()) {
            if (store.find(reference.siteId()).isPresent()) {
                continue;
            }
            SampleHistory.Entry entry = history.find(reference.siteId()).orElseThrow(() -> new IllegalStateException(
                    SampleHistory.RESOURCE + " has no row for site " + reference.siteId()));
            if (seed(reference, entry)) {
                seeded++;
            }
        }
        if (seeded > 0) {
            LOG.info("Seeded {} KI sites with their sample history", seeded);
            relay.eventsPending();
        }
    }

    private boolean seed(KiSiteReference reference, SampleHistory.Entry entry) {
        LocalDate today = service.today();
        SiteIdentity identity = new SiteIdentity(reference.siteId(), reference.name(), reference.territoryKind(),
                reference.population());
        List<Fact<?>> facts = new ArrayList<>();
        Outcome outcome = collect(Site.register(identity, SiteStatus.DECIDED, entry.decided(), today), facts);
        outcome = collect(outcome.site().changeStatus(SiteStatus.FUNDED, entry.funded(), today), facts);
        outcome = collect(outcome.site().changeStatus(SiteStatus.START_PHASE, entry.startPhase(), today), facts);
        outcome = collect(outcome.site().changeStatus(SiteStatus.ESTABLISHED, entry.established(), today), facts);
        outcome = collect(outcome.site().changeFocus(WorkFocus.of(entry.focusAreas(), entry.programs())), facts);
        AtomicInteger position = new AtomicInteger();
        List<EventEnvelope<?>> events = service.announce(new Outcome(outcome.site(), facts),
                () -> seedEventId(reference, position.getAndIncrement()));
        // False when another instance seeded this site in the meantime: then its events are that instance's.
        return store.insert(outcome.site(), events);
    }

    private static Outcome collect(Outcome outcome, List<Fact<?>> facts) {
        facts.addAll(outcome.facts());
        return outcome;
    }

    static UUID seedEventId(KiSiteReference reference, int position) {
        return UUID.nameUUIDFromBytes(("nrw.kinetz.sites/seed/" + reference.siteId() + "/" + position)
                .getBytes(StandardCharsets.UTF_8));
    }
}
