package nrw.kinetz.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.activity.SampleData;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;

class DemoActivitiesTests {

    private static final LocalDate FIRST = LocalDate.of(2025, 12, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 30);
    private static final List<DemoActivity> YEAR = yearOfAllSites();

    private final DemoActivities activities = new DemoActivities();

    @Test
    void theSameSiteAndDayGiveTheSameActivitiesWithTheSameIdsEveryTime() {
        KiSiteReference soest = site("05974");
        LocalDate day = LocalDate.of(2026, 9, 15);

        assertThat(new DemoActivities().between(soest, day, day.plusDays(6)))
                .isNotEmpty()
                .isEqualTo(new DemoActivities().between(soest, day, day.plusDays(6)));
        assertThat(activities.live(soest, day, 42)).isEqualTo(new DemoActivities().live(soest, day, 42));
    }

    @Test
    void everyActivityOfAYearHasItsOwnId() {
        Set<UUID> ids = new HashSet<>();
        YEAR.forEach(activity -> ids.add(activity.id()));
        KiSiteReference soest = site("05974");
        for (long number = 0; number < 1000; number++) {
            ids.add(activities.live(soest, LAST, number).id());
        }

        assertThat(ids).hasSize(YEAR.size() + 1000);
    }

    @Test
    void everyActivityKeepsTheIntakesRulesAndIsMarkedAsSampleData() {
        for (DemoActivity a : YEAR) {
            assertThatCode(() -> new ActivityReported(a.id(), a.site(), a.occurredOn(), a.focusArea().field(),
                    a.focusArea(), a.activityType(), a.program(), a.block(), null,
                    new ActivityMetrics(a.participants(), a.volunteers(), a.sessions(), a.hours()), a.note()))
                    .doesNotThrowAnyException();
            assertThat(a.participants()).isBetween(1, 100);
            assertThat(a.volunteers()).isBetween(0, a.participants());
            assertThat(a.sessions()).isBetween(1, 10);
            assertThat(a.hours()).isBetween(1, 40);
            assertThat(a.note()).startsWith(SampleData.NOTE_PREFIX).hasSizeLessThanOrEqualTo(ActivityReported.MAX_NOTE_LENGTH);
            assertThat(a.json()).containsEntry("field", a.focusArea().field().name()).containsKey("metrics");
        }
    }

    @Test
    void theNetworkReportsAPlausibleNumberPerYearAndEveryKiTakesPart() {
        assertThat(YEAR).hasSizeBetween(8_000, 30_000);
        assertThat(YEAR.stream().map(DemoActivity::site).distinct()).hasSize(54);
        assertThat(YEAR).allSatisfy(a -> assertThat(a.occurredOn()).isBetween(FIRST, LAST));
    }

    @Test
    void largerTerritoriesReportMore() {
        KiSiteReference koeln = site("05315");
        KiSiteReference olpe = site("05966");
        assertThat(koeln.population()).isGreaterThan(4 * olpe.population());

        assertThat(count(a -> a.site().equals(koeln.siteId()))).isGreaterThan(count(a -> a.site().equals(olpe.siteId())));
    }

    @Test
    void weekendsAreQuiet() {
        double weekdays = perDay(a -> a.occurredOn().getDayOfWeek().getValue() <= 5, d -> d.getDayOfWeek().getValue() <= 5);
        double sundays = perDay(a -> a.occurredOn().getDayOfWeek().getValue() == 7, d -> d.getDayOfWeek().getValue() == 7);

        assertThat(sundays).isLessThan(weekdays / 10);
    }

    @Test
    void schoolWorkPausesInTheSummerHolidays() {
        Predicate<DemoActivity> teachersTraining = a -> a.focusArea() == FocusArea.SCHULE_SPRACHBILDUNG;
        double holidays = perWorkday(teachersTraining, LocalDate.of(2026, 7, 20), LocalDate.of(2026, 9, 1));
        double term = perWorkday(teachersTraining, LocalDate.of(2026, 4, 13), LocalDate.of(2026, 7, 17));

        assertThat(holidays).isLessThan(term / 3);
    }

    @Test
    void seiteneinsteigerCounsellingPeaksAfterTheSummerHolidays() {
        Predicate<DemoActivity> counselling = a -> a.activityType() == ActivityType.ERSTBERATUNG_SEITENEINSTEIGER;
        double afterSummer = perWorkday(counselling, LocalDate.of(2026, 9, 2), LocalDate.of(2026, 11, 10));
        double beforeSummer = perWorkday(counselling, LocalDate.of(2026, 4, 13), LocalDate.of(2026, 7, 17));

        assertThat(afterSummer).isGreaterThan(1.8 * beforeSummer);
    }

    @Test
    void volunteersAreQualifiedMostlyInSpring() {
        Predicate<DemoActivity> qualification = a -> a.activityType() == ActivityType.EHRENAMT_BEGLEITUNG;
        double spring = perWorkday(qualification, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31));
        double autumn = perWorkday(qualification, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 30));

        assertThat(spring).isGreaterThan(2 * autumn);
    }

    @Test
    void theSchoolCalendarKnowsTheHolidaysOfNorthRhineWestphalia() {
        assertThat(SchoolCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(SchoolCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(SchoolCalendar.isSchoolHoliday(LocalDate.of(2026, 3, 30))).isTrue();
        assertThat(SchoolCalendar.isSchoolHoliday(LocalDate.of(2026, 4, 13))).isFalse();
        assertThat(SchoolCalendar.isSchoolHoliday(LocalDate.of(2026, 8, 10))).isTrue();
        assertThat(SchoolCalendar.isSchoolHoliday(LocalDate.of(2026, 9, 2))).isFalse();
        assertThat(SchoolCalendar.isSchoolHoliday(LocalDate.of(2027, 1, 4))).isTrue();
        assertThat(SchoolCalendar.isStartOfSchoolYear(LocalDate.of(2026, 9, 2))).isTrue();
        assertThat(SchoolCalendar.isStartOfSchoolYear(LocalDate.of(2026, 12, 1))).isFalse();
    }

    private static long count(Predicate<DemoActivity> which) {
        return YEAR.stream().filter(which).count();
    }

    private static double perWorkday(Predicate<DemoActivity> which, LocalDate first, LocalDate last) {
        Predicate<LocalDate> inRange = d -> !d.isBefore(first) && !d.isAfter(last) && d.getDayOfWeek().getValue() <= 5;
        return perDay(which.and(a -> inRange.test(a.occurredOn())), inRange);
    }

    private static double perDay(Predicate<DemoActivity> which, Predicate<LocalDate> days) {
        long dayCount = FIRST.datesUntil(LAST.plusDays(1)).filter(days).count();
        return (double) count(which) / dayCount;
    }

    private static KiSiteReference site(String id) {
        return KiSites.get(SiteId.of(id));
    }

    private static List<DemoActivity> yearOfAllSites() {
        DemoActivities activities = new DemoActivities();
        return KiSites.all().stream().flatMap(site -> activities.between(site, FIRST, LAST).stream()).toList();
    }
}
