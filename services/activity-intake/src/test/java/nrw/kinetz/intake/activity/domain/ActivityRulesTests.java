package nrw.kinetz.intake.activity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.activity.ActivityReported;

class ActivityRulesTests {

    /** 23 Nov 2025, 23:30 UTC: already the 24th in Berlin, where "today" is decided. */
    private static final Clock LATE_EVENING = Clock.fixed(Instant.parse("2025-11-23T23:30:00Z"), ZoneOffset.UTC);

    private final ActivityRules rules = new ActivityRules(LATE_EVENING);

    private static Map<String, String> valid() {
        Map<String, String> values = new HashMap<>();
        values.put("id", "3f2b8c1e-7d4a-4e2b-9c1f-0a5d6e7f8a9b");
        values.put("site", "05974");
        values.put("occurredOn", "2025-11-20");
        values.put("field", "BILDUNG");
        values.put("focusArea", "SEITENEINSTEIGERBERATUNG");
        values.put("activityType", "ERSTBERATUNG_SEITENEINSTEIGER");
        values.put("participants", "12");
        values.put("volunteers", "0");
        values.put("sessions", "3");
        values.put("hours", "6");
        return values;
    }

    private CheckedActivity check(Map<String, String> values, ActivityRules.DateStyle style) {
        return rules.check(RawActivity.of(values), style);
    }

    private List<Violation> violations(String field, String value) {
        Map<String, String> values = valid();
        values.put(field, value);
        return check(values, ActivityRules.DateStyle.ISO).violations();
    }

    @Test
    void aCompleteReportBecomesThePayload() {
        Map<String, String> values = valid();
        values.put("focusArea", " seiteneinsteigerberatung ");
        values.put("program", "komm_an_ii");
        values.put("block", "c");
        values.put("measureId", "KA2-2025-017");

        CheckedActivity checked = check(values, ActivityRules.DateStyle.ISO);

        assertThat(checked.valid()).isTrue();
        ActivityReported report = checked.report();
        assertThat(report.focusArea()).isEqualTo(FocusArea.SEITENEINSTEIGERBERATUNG);
        assertThat(report.block()).isEqualTo(Program.Block.C);
        assertThat(report.metrics().sessions()).isEqualTo(3);
    }

    @Test
    void germanDatesOnlyWhereTheFormatAllowsThem() {
        Map<String, String> values = valid();
        values.put("occurredOn", "3.11.2025");

        assertThat(check(values, ActivityRules.DateStyle.ISO_OR_GERMAN).report().occurredOn()).hasToString("2025-11-03");
        assertThat(check(values, ActivityRules.DateStyle.ISO).violations()).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("expected YYYY-MM-DD"));
        values.put("occurredOn", "31.02.2025");
        assertThat(check(values, ActivityRules.DateStyle.ISO_OR_GERMAN).violations()).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("is not a date"));
    }

    @Test
    void todayIsTheDayInBerlinAndTomorrowIsTheFuture() {
        assertThat(violations("occurredOn", "2025-11-24")).isEmpty();
        assertThat(violations("occurredOn", "2025-11-25")).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("2025-11-25 is in the future").contains("today is 2025-11-24"));
        assertThat(violations("occurredOn", "2004-12-31")).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("before 2005-01-01"));
    }

    @Test
    void countsAreWholeNonNegativePlausibleNumbers() {
        assertThat(violations("participants", "-1")).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("participants");
            assertThat(v.detail()).startsWith("must be ≥ 0");
        });
        assertThat(violations("hours", "1,5")).singleElement().satisfies(v -> assertThat(v.detail()).contains("not a whole number"));
        assertThat(violations("sessions", "100001")).singleElement().satisfies(v -> assertThat(v.detail()).contains("≤ 100000"));
        assertThat(violations("volunteers", "99999999999999999999")).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("≤ 100000"));
    }

    @Test
    void focusAreaMustBelongToTheField() {
        assertThat(violations("field", "QUERSCHNITT")).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("focusArea");
            assertThat(v.detail()).contains("belongs to field BILDUNG, not QUERSCHNITT").contains("SPORT");
        });
    }

    @Test
    void siteMustBeOneOfThe54() {
        assertThat(violations("site", "05999")).singleElement().satisfies(v -> assertThat(v.detail()).contains("unknown KI site"));
        assertThat(violations("site", "5974")).singleElement().satisfies(v -> assertThat(v.detail()).contains("not a KI site id"));
        assertThat(violations("site", "05334002")).isEmpty();
    }

    @Test
    void programmeRulesForBlocksMeasuresAndKommIn() {
        Map<String, String> blockWithoutProgram = valid();
        blockWithoutProgram.put("block", "A");
        assertThat(check(blockWithoutProgram, ActivityRules.DateStyle.ISO).violations()).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("a block needs its program"));

        Map<String, String> blockOfKim = valid();
        blockOfKim.put("program", "KIM");
        blockOfKim.put("block", "A");
        assertThat(check(blockOfKim, ActivityRules.DateStyle.ISO).violations()).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("KIM has no blocks"));

        Map<String, String> measureWithoutProgram = valid();
        measureWithoutProgram.put("measureId", "M-1");
        assertThat(check(measureWithoutProgram, ActivityRules.DateStyle.ISO).violations()).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("measureId"));

        assertThat(violations("program", "KOMM_IN")).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("KOMM_IN ended in 2012"));
    }

    @Test
    void everyMissingAndWrongFieldIsReportedAtOnceAndTheReadableSiteIsKept() {
        Map<String, String> values = new HashMap<>();
        values.put("id", "42");
        values.put("site", "05966");
        values.put("note", "x".repeat(501));

        CheckedActivity checked = check(values, ActivityRules.DateStyle.ISO);

        assertThat(checked.valid()).isFalse();
        assertThat(checked.site()).hasValueSatisfying(site -> assertThat(site.value()).isEqualTo("05966"));
        assertThat(checked.violations()).extracting(Violation::field).containsExactlyInAnyOrder("id", "occurredOn", "field",
                "focusArea", "activityType", "note", "participants", "volunteers", "sessions", "hours");
    }

    @Test
    void problemsTheBodyFormatFoundAreNotReportedTwice() {
        Map<String, String> values = valid();
        values.remove("participants");
        RawActivity raw = new RawActivity(values, List.of(Violation.of("participants", "must be a JSON number, found STRING")));

        assertThat(rules.check(raw, ActivityRules.DateStyle.ISO).violations()).singleElement()
                .satisfies(v -> assertThat(v.detail()).startsWith("must be a JSON number"));
    }
}
