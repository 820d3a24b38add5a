package nrw.kinetz.devstack.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * The school year in North Rhine-Westphalia as far as the demo needs it: when the schools are on holiday and
 * when a new school year has just begun. The summer and autumn holidays of 2024–2027 are the ministry's dates;
 * other years, and the Christmas and Easter holidays, follow the usual pattern (Christmas 23 Dec – 6 Jan; Easter
 * from the Monday before Easter Sunday for two weeks; summer six weeks from mid-July; autumn two weeks from the
 * second Monday of October). Good enough for sample data, not a calendar to plan by.
 */
final class SchoolCalendar {

    /** First and last day of the summer holidays, by year. */
    private static final Map<Integer, LocalDate[]> SUMMER = Map.of(
            2024, days("2024-07-08", "2024-08-20"),
            2025, days("2025-07-14", "2025-08-26"),
            2026, days("2026-07-20", "2026-09-01"),
            2027, days("2027-07-19", "2027-08-31"));

    /** First and last day of the autumn holidays, by year. */
    private static final Map<Integer, LocalDate[]> AUTUMN = Map.of(
            2024, days("2024-10-14", "2024-10-26"),
            2025, days("2025-10-13", "2025-10-25"),
            2026, days("2026-10-17", "2026-10-31"));

    private SchoolCalendar() {
    }

    static boolean isSchoolHoliday(LocalDate day) {
        return isChristmas(day) || within(day, easterHolidays(day.getYear())) || within(day, summerHolidays(day.getYear()))
                || within(day, autumnHolidays(day.getYear()));
    }

    /** The ten weeks after the summer holidays, when newly arrived pupils are placed in schools. */
    static boolean isStartOfSchoolYear(LocalDate day) {
        LocalDate firstSchoolDay = summerHolidays(day.getYear())[1].plusDays(1);
        return !day.isBefore(firstSchoolDay) && day.isBefore(firstSchoolDay.plusWeeks(10));
    }

    /** March to May, when the KIs qualify new volunteers for the season. */
    static boolean isSpring(LocalDate day) {
        return day.getMonth().compareTo(Month.MARCH) >= 0 && day.getMonth().compareTo(Month.MAY) <= 0;
    }

    static LocalDate[] summerHolidays(int year) {
        LocalDate[] known = SUMMER.get(year);
        return known != null ? known : new LocalDate[] {LocalDate.of(year, 7, 15), LocalDate.of(year, 8, 26)};
    }

    static LocalDate[] autumnHolidays(int year) {
        LocalDate[] known = AUTUMN.get(year);
        if (known != null) {
            return known;
        }
        LocalDate start = LocalDate.of(year, 10, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY));
        return new LocalDate[] {start, start.plusDays(12)};
    }

    static LocalDate[] easterHolidays(int year) {
        LocalDate easter = easterSunday(year);
        return new LocalDate[] {easter.minusDays(6), easter.plusDays(6)};
    }

    /** The Gregorian Easter Sunday (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }

    private static boolean isChristmas(LocalDate day) {
        MonthDay monthDay = MonthDay.from(day);
        return !monthDay.isBefore(MonthDay.of(12, 23)) || !monthDay.isAfter(MonthDay.of(1, 6));
    }

    private static boolean within(LocalDate day, LocalDate[] range) {
        return !day.isBefore(range[0]) && !day.isAfter(range[1]);
    }

    private static LocalDate[] days(String first, String last) {
        return new LocalDate[] {LocalDate.parse(first), LocalDate.parse(last)};
    }
}
