package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class PeriodTests {

    private final JsonMapper json = JsonMapper.builder().build();

    record Query(Period period) {
    }

    record MonthlyFigure(Period.Month month, int activities) {
    }

    @Test
    void aMonthIsParsed() {
        assertThat(Period.parse("2026-07")).isEqualTo(new Period.Month(2026, 7));
    }

    @Test
    void aQuarterIsParsedWithUpperOrLowerCaseQ() {
        assertThat(Period.parse("2026-Q3")).isEqualTo(new Period.Quarter(2026, 3));
        assertThat(Period.parse("2026-q3")).isEqualTo(new Period.Quarter(2026, 3));
    }

    @Test
    void aBudgetYearIsParsed() {
        assertThat(Period.parse("2026")).isEqualTo(new Period.BudgetYear(2026));
    }

    @Test
    void surroundingBlanksAreIgnored() {
        assertThat(Period.parse(" 2026-Q1\t")).isEqualTo(new Period.Quarter(2026, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000", "2100", "2026", "2000-01", "2026-07", "2100-12", "2026-Q1", "2026-Q4", "2100-Q4"})
    void parseOfToStringRoundTrips(String text) {
        Period period = Period.parse(text);

        assertThat(period).hasToString(text);
        assertThat(Period.parse(period.toString())).isEqualTo(period);
        assertThat(period.value()).isEqualTo(text);
    }

    @Test
    void theLowerCaseQuarterIsWrittenCanonically() {
        assertThat(Period.parse("2026-q2")).hasToString("2026-Q2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00"})
    void anImpossibleMonthIsRejected(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + text + "' is not a period: the month must be 01 to 12, e.g. 2026-07");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-Q5", "2026-Q0", "2026-Q9"})
    void anImpossibleQuarterIsRejected(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + text + "' is not a period: the quarter must be Q1 to Q4, e.g. 2026-Q3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999", "2101", "1999-12", "2101-Q1", "0000", "9999-01"})
    void aYearOutside2000To2100IsRejected(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + text + "' is not a period: the year must be between 2000 and 2100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"26-Q1", "2026-7", "2026-007", "2026-Q", "2026-Q10", "2026-Q3x", "2026/07", "07.2026",
            "Q3-2026", "Q3/2026", "2026-W01", "2026-07-01", "HJ2026", "２０２６", "2026 -Q3"})
    void anyOtherSpellingIsRejectedNamingTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + text + "' is not a period: expected YYYY-MM (e.g. 2026-07), YYYY-Qn (e.g. 2026-Q3) "
                        + "or YYYY (e.g. 2026)")
                .extracting(e -> ((InvalidValueException) e).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void aMissingPeriodIsRejected(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a period is required: expected YYYY-MM");
    }

    @ParameterizedTest
    @CsvSource({"1, 2026-01-01, 2026-03-31", "2, 2026-04-01, 2026-06-30", "3, 2026-07-01, 2026-09-30",
            "4, 2026-10-01, 2026-12-31"})
    void quartersStartAndEndOnTheOfficialDays(int quarter, LocalDate start, LocalDate end) {
        Period.Quarter q = new Period.Quarter(2026, quarter);

        assertThat(q.start()).isEqualTo(start);
        assertThat(q.end()).isEqualTo(end);
    }

    @CsvSource({"2024-02, 2024-02-29", "2026-02, 2026-02-28", "2000-02, 2000-02-29", "2100-02, 2100-02-28",
            "2026-04, 2026-04-30", "2026-12, 2026-12-31"})
    @ParameterizedTest
    void aMonthEndsOnItsLastDayIncludingLeapFebruaries(String month, LocalDate end) {
        Period period = Period.parse(month);

        assertThat(period.start()).isEqualTo(end.withDayOfMonth(1));
        assertThat(period.end()).isEqualTo(end);
    }

    @Test
    void aBudgetYearIsTheCalendarYear() {
        Period year = Period.parse("2026");

        assertThat(year.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void containsIncludesBothEndsAndNothingBeyond() {
        Period q3 = Period.parse("2026-Q3");

        assertThat(q3.contains(LocalDate.of(2026, 7, 1))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 8, 15))).isTrue();
        assertThat(q3.contains(LocalDate.of(2026, 6, 30))).isFalse();
        assertThat(q3.contains(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(q3.contains(LocalDate.of(2025, 8, 15))).isFalse();
    }

    @Test
    void aLeapDayBelongsToItsFebruaryAndQuarter() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);

        assertThat(Period.parse("2028-02").contains(leapDay)).isTrue();
        assertThat(Period.parse("2028-Q1").contains(leapDay)).isTrue();
        assertThat(Period.parse("2028-03").contains(leapDay)).isFalse();
    }

    @Test
    void granularityNamesTheKindOfPeriod() {
        assertThat(Period.parse("2026-07").granularity()).isEqualTo(Period.Granularity.MONTH);
        assertThat(Period.parse("2026-Q3").granularity()).isEqualTo(Period.Granularity.QUARTER);
        assertThat(Period.parse("2026").granularity()).isEqualTo(Period.Granularity.BUDGET_YEAR);
    }

    @Test
    void ofFindsThePeriodContainingADate() {
        LocalDate date = LocalDate.of(2026, 8, 31);

        assertThat(Period.of(date, Period.Granularity.MONTH)).isEqualTo(Period.parse("2026-08"));
        assertThat(Period.of(date, Period.Granularity.QUARTER)).isEqualTo(Period.parse("2026-Q3"));
        assertThat(Period.of(date, Period.Granularity.BUDGET_YEAR)).isEqualTo(Period.parse("2026"));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 1", "3, 1", "4, 2", "5, 2", "6, 2", "7, 3", "8, 3", "9, 3", "10, 4", "11, 4", "12, 4"})
    void everyMonthFallsIntoItsQuarter(int month, int quarter) {
        LocalDate date = LocalDate.of(2026, month, 1);

        assertThat(Period.quarterOf(date)).isEqualTo(new Period.Quarter(2026, quarter));
        assertThat(Period.monthOf(date)).isEqualTo(new Period.Month(2026, month));
        assertThat(Period.budgetYearOf(date)).isEqualTo(new Period.BudgetYear(2026));
    }

    @ParameterizedTest
    @EnumSource(Period.Granularity.class)
    void thePeriodOfADateContainsThatDate(Period.Granularity granularity) {
        LocalDate date = LocalDate.of(2027, 12, 31);

        Period period = Period.of(date, granularity);

        assertThat(period.contains(date)).isTrue();
        assertThat(period.granularity()).isEqualTo(granularity);
    }

    @Test
    void aDateOutsideTheAcceptedYearsHasNoPeriod() {
        assertThatThrownBy(() -> Period.monthOf(LocalDate.of(1999, 12, 31)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("the year must be between 2000 and 2100");
    }

    @Test
    void theRecordsRejectOutOfRangeComponents() {
        assertThatThrownBy(() -> new Period.Month(2026, 13)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Period.Quarter(2026, 5)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Period.BudgetYear(2101)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void periodsOfDifferentGranularityAreNeverEqual() {
        assertThat(Period.parse("2026")).isNotEqualTo(Period.parse("2026-Q1")).isNotEqualTo(Period.parse("2026-01"));
    }

    @Test
    void aTypedParseRejectsAnotherGranularityInsteadOfWideningIt() {
        assertThat(Period.Month.parse("2026-07")).isEqualTo(new Period.Month(2026, 7));
        assertThatThrownBy(() -> Period.Month.parse("2026-Q3"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'2026-Q3' is not a month: expected YYYY-MM, e.g. 2026-07");
        assertThatThrownBy(() -> Period.Quarter.parse("2026"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'2026' is not a quarter: expected YYYY-Qn, e.g. 2026-Q3");
        assertThatThrownBy(() -> Period.BudgetYear.parse("2026-01"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'2026-01' is not a budget year: expected YYYY, e.g. 2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-07", "2026-Q3", "2026"})
    void jsonWritesAndReadsThePlainCanonicalString(String text) {
        Period period = Period.parse(text);

        String written = json.writeValueAsString(period);

        assertThat(written).isEqualTo("\"" + text + "\"");
        assertThat(json.readValue(written, Period.class)).isEqualTo(period);
    }

    @Test
    void jsonRoundTripsAPeriodFieldOfAPayload() {
        Query query = new Query(Period.parse("2026-Q3"));

        String written = json.writeValueAsString(query);

        assertThat(written).isEqualTo("{\"period\":\"2026-Q3\"}");
        assertThat(json.readValue(written, Query.class)).isEqualTo(query);
    }

    @Test
    void jsonRoundTripsAFieldTypedAsMonth() {
        MonthlyFigure figure = new MonthlyFigure(new Period.Month(2026, 2), 4);

        String written = json.writeValueAsString(figure);

        assertThat(written).isEqualTo("{\"month\":\"2026-02\",\"activities\":4}");
        assertThat(json.readValue(written, MonthlyFigure.class)).isEqualTo(figure);
    }

    @Test
    void jsonRejectsAQuarterWhereAMonthIsExpected() {
        assertThatThrownBy(() -> json.readValue("{\"month\":\"2026-Q1\",\"activities\":4}", MonthlyFigure.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("'2026-Q1' is not a month");
    }

    @Test
    void jsonRejectsAnUnparseablePeriodWithTheSameMessage() {
        assertThatThrownBy(() -> json.readValue("\"2026-13\"", Period.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("'2026-13' is not a period: the month must be 01 to 12");
    }
}
