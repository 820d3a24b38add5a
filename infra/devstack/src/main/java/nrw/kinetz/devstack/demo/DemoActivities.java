package nrw.kinetz.devstack.demo;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Predicate;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.activity.SampleData;
import nrw.kinetz.model.reference.KiSiteReference;

/**
 * Plausible activities of the KIs, invented for the demo. Everything is a function of the site, the day and a
 * number, so the same call gives the same activities with the same ids on every machine and every run: a
 * re-run sends duplicates, which the intake recognises, never new numbers.
 *
 * <p>What gives the year its shape: few activities at weekends, school work pausing in the school holidays,
 * much more counselling of newly arrived pupils (Seiteneinsteiger) in the ten weeks after the summer holidays,
 * volunteers qualified mostly in spring, meeting points busier in summer. Larger territories report more.
 */
final class DemoActivities {

    /** Activities a KI of 300,000 inhabitants reports on an ordinary working day. */
    private static final double PER_WORKDAY = 1.2;

    private final List<Kind> kinds = List.of(
            new Kind(3.0, FocusArea.SEITENEINSTEIGERBERATUNG, ActivityType.ERSTBERATUNG_SEITENEINSTEIGER,
                    Program.KI_GRUNDFOERDERUNG, null, 1, 6, 0, 0, 1, 3, 2,
                    "Erstberatung neu zugewanderter Familien, Schulplatzvermittlung",
                    Season.SCHOOL_HALF_PAUSED, Season.AFTER_SUMMER),
            new Kind(1.5, FocusArea.FRUEHE_BILDUNG, ActivityType.ELTERNPROGRAMM, Program.GRIFFBEREIT, null,
                    6, 14, 0, 2, 1, 1, 2, "Griffbereit-Gruppe im Familienzentrum", Season.SCHOOL_PAUSED),
            new Kind(1.0, FocusArea.ELTERNBILDUNG, ActivityType.ELTERNPROGRAMM, Program.RUCKSACK_KITA, null,
                    5, 12, 0, 1, 1, 1, 2, "Rucksack-KiTa-Elterntreffen", Season.SCHOOL_PAUSED),
            new Kind(0.8, FocusArea.ELTERNBILDUNG, ActivityType.ELTERNPROGRAMM, Program.RUCKSACK_SCHULE, null,
                    5, 12, 0, 1, 1, 1, 2, "Rucksack Schule: Elternbegleitung an der Grundschule", Season.SCHOOL_PAUSED),
            new Kind(1.0, FocusArea.SCHULE_SPRACHBILDUNG, ActivityType.FORTBILDUNG, null, null, 10, 30, 0, 0, 1, 1, 5,
                    "Fortbildung durchgängige Sprachbildung für Lehrkräfte", Season.SCHOOL_PAUSED),
            new Kind(1.0, FocusArea.UEBERGANG_SCHULE_BERUF, ActivityType.BERATUNG, null, null, 3, 15, 0, 0, 1, 2, 2,
                    "Beratung zum Übergang Schule–Beruf", Season.SCHOOL_PAUSED),
            new Kind(0.8, FocusArea.EHRENAMT, ActivityType.EHRENAMT_BEGLEITUNG, Program.KOMM_AN_II, Program.Block.D,
                    8, 20, 8, 20, 1, 1, 3, "Qualifizierung Ehrenamtlicher", Season.SPRING),
            new Kind(0.5, FocusArea.EHRENAMT, ActivityType.VERANSTALTUNG, Program.KOMM_AN_II, Program.Block.C,
                    10, 40, 1, 6, 1, 1, 2, "Infoabend: Ehrenamt in der Integrationsarbeit", Season.SPRING),
            new Kind(1.0, FocusArea.ZUSAMMENLEBEN_QUARTIER, ActivityType.VERANSTALTUNG, Program.KOMM_AN_II,
                    Program.Block.A, 10, 40, 2, 8, 1, 1, 3, "Ankommenstreffpunkt im Quartier", Season.SUMMER),
            new Kind(1.0, FocusArea.REGELDIENSTE_OEFFNUNG, ActivityType.NETZWERKTREFFEN, Program.KI_GRUNDFOERDERUNG,
                    null, 6, 20, 0, 0, 1, 1, 2, "Netzwerktreffen mit den Regeldiensten", Season.HOLIDAY_QUIET),
            new Kind(1.5, FocusArea.GESUNDHEIT, ActivityType.SPRACHMITTLUNG, null, null, 1, 3, 1, 1, 1, 4, 1,
                    "Einsatz des Sprachmittlerpools", Season.NONE),
            new Kind(1.5, FocusArea.ARBEIT, ActivityType.BERATUNG, Program.KIM, null, 1, 5, 0, 0, 1, 2, 1,
                    "Fallberatung im Kommunalen Integrationsmanagement", Season.NONE),
            new Kind(0.6, FocusArea.SPORT, ActivityType.PROJEKT, Program.KOMM_AN_II, Program.Block.B, 10, 25, 1, 4,
                    1, 1, 2, "Sport verbindet: offenes Bewegungsangebot", Season.SUMMER),
            new Kind(0.5, FocusArea.KULTUR, ActivityType.VERANSTALTUNG, null, null, 15, 60, 0, 5, 1, 1, 3,
                    "Interkulturelles Fest", Season.SUMMER),
            new Kind(0.5, FocusArea.WOHNEN, ActivityType.BERATUNG, Program.KIM, null, 1, 4, 0, 0, 1, 2, 1,
                    "Beratung zur Wohnungssuche", Season.NONE));

    private final double totalWeight = kinds.stream().mapToDouble(Kind::weight).sum();

    /** Everything the site did on {@code day}, in a fixed order. */
    List<DemoActivity> on(KiSiteReference site, LocalDate day) {
        SplittableRandom random = random("day", site, day, 0);
        double scale = PER_WORKDAY * Math.sqrt(site.population() / 300_000.0) * weekday(day) / totalWeight;
        List<DemoActivity> activities = new ArrayList<>();
        for (Kind kind : kinds) {
            int count = poisson(random, scale * kind.weight() * kind.factor(day));
            for (int i = 0; i < count; i++) {
                int number = activities.size();
                activities.add(kind.activity(id("day", site, day, number), site, day, random));
            }
        }
        return activities;
    }

    /** What the site did on each day from {@code first} to {@code last}, both included. */
    List<DemoActivity> between(KiSiteReference site, LocalDate first, LocalDate last) {
        List<DemoActivity> activities = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            activities.addAll(on(site, day));
        }
        return activities;
    }

    /**
     * One activity reported live: its kind is drawn with the weights of {@code day}'s season, so the live stream
     * looks like the history.
     *
     * @param number distinct for every live activity of the site on that day
     */
    DemoActivity live(KiSiteReference site, LocalDate day, long number) {
        SplittableRandom random = random("live", site, day, number);
        double[] weights = kinds.stream().mapToDouble(kind -> kind.weight() * kind.factor(day)).toArray();
        double draw = random.nextDouble() * java.util.Arrays.stream(weights).sum();
        int chosen = 0;
        while (chosen < weights.length - 1 && draw >= weights[chosen]) {
            draw -= weights[chosen];
            chosen++;
        }
        return kinds.get(chosen).activity(id("live", site, day, number), site, day, random);
    }

    private static double weekday(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek == DayOfWeek.SATURDAY ? 0.15 : dayOfWeek == DayOfWeek.SUNDAY ? 0.03 : 1.0;
    }

    private static UUID id(String kind, KiSiteReference site, LocalDate day, long number) {
        return UUID.nameUUIDFromBytes(("kinetz-demo/" + kind + "/" + site.siteId().value() + "/" + day + "/" + number)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static SplittableRandom random(String kind, KiSiteReference site, LocalDate day, long number) {
        return new SplittableRandom(id(kind, site, day, number).getMostSignificantBits());
    }

    /** Knuth's method; the means here are small (well below 10). */
    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** How the time of year changes how often a kind of activity happens. */
    private enum Season {
        NONE(day -> false, 1, day -> false, 1),
        /** School work stops in the school holidays. */
        SCHOOL_PAUSED(SchoolCalendar::isSchoolHoliday, 0.15, day -> false, 1),
        /** Counselling goes on at half pace in the holidays. */
        SCHOOL_HALF_PAUSED(SchoolCalendar::isSchoolHoliday, 0.5, day -> false, 1),
        HOLIDAY_QUIET(SchoolCalendar::isSchoolHoliday, 0.4, day -> false, 1),
        AFTER_SUMMER(day -> false, 1, SchoolCalendar::isStartOfSchoolYear, 2.5),
        SPRING(day -> false, 1, SchoolCalendar::isSpring, 3),
        SUMMER(day -> false, 1, day -> day.getMonthValue() >= 6 && day.getMonthValue() <= 8, 1.5);

        private final Predicate<LocalDate> low;
        private final double lowFactor;
        private final Predicate<LocalDate> high;
        private final double highFactor;

        Season(Predicate<LocalDate> low, double lowFactor, Predicate<LocalDate> high, double highFactor) {
            this.low = low;
            this.lowFactor = lowFactor;
            this.high = high;
            this.highFactor = highFactor;
        }

        double factor(LocalDate day) {
            return (low.test(day) ? lowFactor : 1) * (high.test(day) ? highFactor : 1);
        }
    }

    /**
     * A kind of activity with its ranges; each {@code min…max} pair is drawn uniformly. Volunteers never
     * exceed participants; hours are per session.
     */
    private record Kind(double weight, FocusArea focusArea, ActivityType type, Program program, Program.Block block,
            int minParticipants, int maxParticipants, int minVolunteers, int maxVolunteers, int minSessions,
            int maxSessions, int hoursPerSession, String text, Season... seasons) {

        double factor(LocalDate day) {
            double factor = 1;
            for (Season season : seasons) {
                factor *= season.factor(day);
            }
            return factor;
        }

        DemoActivity activity(UUID id, KiSiteReference site, LocalDate day, SplittableRandom random) {
            int participants = between(random, minParticipants, maxParticipants);
            int volunteers = Math.min(participants, between(random, minVolunteers, maxVolunteers));
            int sessions = between(random, minSessions, maxSessions);
            return new DemoActivity(id, site.siteId(), day, focusArea, type, program, block, participants, volunteers,
                    sessions, sessions * hoursPerSession, SampleData.note(text));
        }

        private static int between(SplittableRandom random, int min, int max) {
            return min + random.nextInt(max - min + 1);
        }
    }
}
