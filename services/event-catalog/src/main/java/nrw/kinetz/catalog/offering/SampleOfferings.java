package nrw.kinetz.catalog.offering;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingType;

/**
 * Plausible, invented offerings for the devstack, so a newcomer finds something to register for. Every one says
 * in its description that it is sample data. Ids are derived from the sample's number, so seeding twice adds
 * nothing; dates lie a few weeks after the day of seeding.
 */
final class SampleOfferings {

    static final String MARK = "Beispieldaten: Diese Veranstaltung ist erfunden. ";

    private record Sample(OfferingType type, String site, FocusArea focusArea, String title, String audience, String place,
            String online, int capacity, int inDays, int days, int startHour, int endHour) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample(OfferingType.FORTBILDUNG, "05974", FocusArea.SCHULE_SPRACHBILDUNG, "Sprachsensibler Fachunterricht",
                    "Lehrkräfte der Sekundarstufe I", "Soest, Kreishaus, Hoher Weg 1-3", null, 20, 21, 2, 9, 16),
            new Sample(OfferingType.FORTBILDUNG, "05315", FocusArea.FRUEHE_BILDUNG, "Mehrsprachigkeit in der KiTa",
                    "Pädagogische Fachkräfte in Kindertageseinrichtungen", "Köln, Bildungszentrum", null, 16, 28, 1, 9, 15),
            new Sample(OfferingType.NETZWERKTREFFEN, null, FocusArea.SEITENEINSTEIGERBERATUNG,
                    "Landesweites Netzwerktreffen Seiteneinsteigerberatung", "Beraterinnen und Berater der KI", null,
                    "https://konferenz.example.org/seiteneinstieg", 60, 35, 1, 10, 13),
            new Sample(OfferingType.FACHTAG, null, FocusArea.UEBERGANG_SCHULE_BERUF, "Fachtag Übergang Schule–Beruf",
                    "Schulen, Jobcenter, Kammern und KI", "Düsseldorf, Haus der Jugend", null, 120, 49, 1, 9, 17),
            new Sample(OfferingType.QUALIFIZIERUNG_EHRENAMT, "05711", FocusArea.EHRENAMT,
                    "Qualifizierung für ehrenamtliche Sprachmittlerinnen und Sprachmittler", "Ehrenamtliche",
                    "Bielefeld, Neues Rathaus", null, 12, 14, 3, 17, 20),
            new Sample(OfferingType.ARBEITSKREIS, "05913", FocusArea.ELTERNBILDUNG, "Arbeitskreis Elternbildung Rucksack",
                    "Koordinierende der Elternprogramme", "Dortmund, KI im Dietrich-Keuning-Haus", null, 15, 42, 1, 14, 17));

    private SampleOfferings() {
    }

    /** The samples as drafts, with dates counted from {@code today}. */
    static List<Offering> drafts(LocalDate today) {
        List<Offering> drafts = new ArrayList<>();
        for (int i = 0; i < SAMPLES.size(); i++) {
            Sample s = SAMPLES.get(i);
            List<OfferingSession> sessions = new ArrayList<>();
            for (int day = 0; day < s.days(); day++) {
                LocalDate date = today.plusDays(s.inDays() + 7L * day);
                sessions.add(new OfferingSession(at(date, s.startHour()), at(date, s.endHour())));
            }
            drafts.add(Offering.draft(id(i), Optional.ofNullable(s.site()).map(SiteId::of), s.type(), s.focusArea(), s.title(),
                    MARK + "Ein Angebot, wie es im Netzwerk der Kommunalen Integrationszentren stattfinden könnte.",
                    s.audience(), s.place(), s.online() == null ? null : URI.create(s.online()), s.capacity(), sessions,
                    at(today.plusDays(s.inDays() - 3L), 23), null));
        }
        return drafts;
    }

    static String id(int number) {
        return UUID.nameUUIDFromBytes(("kinetz-sample-offering-" + number).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static OffsetDateTime at(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).atZone(NetworkTime.ZONE).toOffsetDateTime();
    }
}
