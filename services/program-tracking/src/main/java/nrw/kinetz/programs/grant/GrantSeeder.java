package nrw.kinetz.programs.grant;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;
import nrw.kinetz.programs.domain.Fact;
import nrw.kinetz.programs.grant.domain.Grant;
import nrw.kinetz.programs.grant.domain.Grant.Outcome;
import nrw.kinetz.programs.outbox.Announcer;
import nrw.kinetz.programs.outbox.PendingEventsSignal;
import nrw.kinetz.programs.sample.SampleData;

/**
 * Seeds plausible, made-up sample grants for the last three budget years once after start-up (in the background, see {@link SampleData}): for every KI the
 * Grundförderung (5.5 posts at 57,000 € in a city, 6.5 in a Kreis, plus 22,500 € for the admin half post), a
 * KOMM-AN II block A grant with sub-grants to local organisations, and KIM for every second site; drawn
 * quarterly up to today, older years with an accepted proof of use (some with a repayment), the last closed
 * year with proofs submitted — except a few left open, so the overdue list has entries. Each grant goes through
 * the same commands as a live one and is stored with all its events at once; grant and event ids are derived
 * from the site, programme and year, so a restart (or a second instance) adds nothing and re-seeding a wiped
 * store republishes the same {@code ce_id}s. Sample data, not facts.
 */
@Component
@ConditionalOnProperty(name = "kinetz.programs.seed.enabled", havingValue = "true", matchIfMissing = true)
class GrantSeeder implements SampleData.Seeder {

    private static final Logger LOG = LoggerFactory.getLogger(GrantSeeder.class);
    private static final String[] RECIPIENTS = {"Flüchtlingshilfe", "Begegnungscafé", "Internationaler Frauentreff",
            "Nachbarschaftsinitiative", "Sprachpaten"};

    private final GrantStore store;
    private final GrantService service;
    private final ProofOfUseDeadlines deadlines;
    private final Announcer announcer;
    private final PendingEventsSignal relay;

    GrantSeeder(GrantStore store, GrantService service, ProofOfUseDeadlines deadlines, Announcer announcer,
            PendingEventsSignal relay) {
        this.store = store;
        this.service = service;
        this.deadlines = deadlines;
        this.announcer = announcer;
        this.relay = relay;
    }

    @Override
    public void seed() {
        LocalDate today = service.today();
        int seeded = 0;
        List<KiSiteReference> sites = KiSites.all();
        for (int index = 0; index < sites.size(); index++) {
            KiSiteReference site = sites.get(index);
            for (int year = today.getYear() - 2; year <= today.getYear(); year++) {
                long posts = site.territoryKind() == TerritoryKind.KREIS ? 650 : 550;
                seeded += seed(site, Program.KI_GRUNDFOERDERUNG, null, year, posts * 57_000 + 2_250_000, index, today);
                seeded += seed(site, Program.KOMM_AN_II, "A", year, 1_200_000 + (index * 37 % 26) * 100_000, index, today);
                if (index % 2 == 0) {
                    seeded += seed(site, Program.KIM, null, year, 15_000_000 + (index * 13 % 10) * 1_000_000, index, today);
                }
            }
        }
        if (seeded > 0) {
            LOG.info("Seeded {} sample grants", seeded);
            relay.eventsPending();
        }
    }

    /** @return 1 if the grant was stored, 0 if it existed already */
    private int seed(KiSiteReference site, Program program, String block, int year, long grantedEuros, int index,
            LocalDate today) {
        String seed = site.siteId() + "/" + program + "/" + (block == null ? "" : block) + "/" + year;
        UUID grantId = UUID.nameUUIDFromBytes(("program-tracking/seed-grant/" + seed).getBytes(StandardCharsets.UTF_8));
        if (store.find(grantId).isPresent()) {
            return 0;
        }
        Money granted = Money.ofCents(grantedEuros * 100);
        List<Fact<?>> facts = new ArrayList<>();
        Outcome outcome = collect(Grant.apply(grantId, site.siteId(), program, block, year, granted,
                LocalDate.of(year - 1, 10, 15), today), facts);
        outcome = collect(outcome.grant().approve(granted, LocalDate.of(year - 1, 12, 15), deadlines.months(program), today),
                facts);
        for (int quarter = 0; quarter < 4; quarter++) {
            LocalDate on = LocalDate.of(year, 1 + quarter * 3, 15);
            if (on.isAfter(today)) {
                break;
            }
            Money part = quarter < 3 ? Money.ofCents(granted.cents() / 4) : granted.minus(outcome.grant().disbursed());
            outcome = collect(outcome.grant().disburse(id(seed, "draw", quarter), part, on, today), facts);
            if (program == Program.KOMM_AN_II && quarter < 2) {
                Money passed = Money.ofCents(part.cents() * 6 / 10);
                String recipient = RECIPIENTS[(index + quarter) % RECIPIENTS.length] + " " + site.name() + " e. V.";
                outcome = collect(outcome.grant().passOn(id(seed, "sub", quarter), recipient, passed,
                        "Ankommenstreffpunkt und Begleitung Neuzugewanderter", on, today), facts);
            }
        }
        LocalDate due = outcome.grant().proofOfUseDue();
        LocalDate submitted = due.minusDays(20);
        boolean leftOpen = index % 6 == 1 && year == today.getYear() - 1;
        if (!submitted.isAfter(today) && !leftOpen) {
            Money drawn = outcome.grant().disbursed();
            Money unspent = index % 4 == 0 ? Money.ofCents(Math.min(drawn.cents(), 123_456 + index * 1_000)) : Money.ZERO;
            outcome = collect(outcome.grant().submitProof("Sachbericht " + year + ": Maßnahmen wie geplant umgesetzt.",
                    drawn.minus(unspent), unspent, submitted), facts);
            if (!due.plusMonths(3).isAfter(today)) {
                outcome = collect(outcome.grant().acceptProof(due.plusMonths(3)), facts);
            }
        }
        return store.insert(outcome.grant(), announcer.announceSeeded(site.siteId(), facts, seed)) ? 1 : 0;
    }

    private static Outcome collect(Outcome outcome, List<Fact<?>> facts) {
        facts.addAll(outcome.facts());
        return outcome;
    }

    private static UUID id(String seed, String what, int position) {
        return UUID.nameUUIDFromBytes(("program-tracking/seed/" + seed + "/" + what + "/" + position)
                .getBytes(StandardCharsets.UTF_8));
    }
}
