package nrw.kinetz.model.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ActivityCsvTests {

    private static final String HEADER = "id;site;occurredOn;field;focusArea;activityType;participants;volunteers;sessions;hours;note";

    @Test
    void semicolonFileWithBomAndCrLfIsReadWithLineNumbers() throws IOException {
        List<ActivityCsv.Record> records = readAll("\uFEFF" + HEADER + "\r\n"
                + ";05974;23.11.2025;BILDUNG;FRUEHE_BILDUNG;BERATUNG;12;1;2;3;erste Zeile\r\n"
                + ";05974;2025-11-24;BILDUNG;FRUEHE_BILDUNG;BERATUNG;5;0;1;1;\r\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(0).cells()).containsEntry("site", "05974").containsEntry("occurredOn", "23.11.2025")
                .containsEntry("note", "erste Zeile");
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThat(records).allMatch(ActivityCsv.Record::readable);
    }

    @Test
    void commaFileWithQuotedCellsKeepsSeparatorsQuotesAndLineBreaksInside() throws IOException {
        List<ActivityCsv.Record> records = readAll(HEADER.replace(';', ',') + "\n"
                + ",05974,2025-11-23,BILDUNG,FRUEHE_BILDUNG,BERATUNG,1,0,1,1,\"Eltern, Kinder und \"\"Kita\"\"\nzweite Zeile\"\n"
                + ",05974,2025-11-23,BILDUNG,FRUEHE_BILDUNG,BERATUNG,2,0,1,1,\n");

        assertThat(records).extracting(ActivityCsv.Record::line).containsExactly(2, 4);
        assertThat(records.get(0).cells().get("note")).isEqualTo("Eltern, Kinder und \"Kita\"\nzweite Zeile");
    }

    @Test
    void headerIsMatchedIgnoringCaseAndBlanksAndOptionalColumnsMayBeMissing() throws IOException {
        var records = ActivityCsv.read(new StringReader(
                " SITE ; occurredon;field;focusArea;activityType;participants;volunteers;sessions;hours\n"));

        assertThat(records.columns()).containsExactly("site", "occurredOn", "field", "focusArea", "activityType",
                "participants", "volunteers", "sessions", "hours");
        assertThat(records.next()).isNull();
    }

    @Test
    void theGermanHeadingsOfTheTemplateAreRead() throws IOException {
        var records = ActivityCsv.read(new StringReader(ActivityCsv.headerRow() + "\n"));

        assertThat(records.columns()).isEqualTo(ActivityCsv.COLUMNS);
        assertThat(ActivityCsv.headerRow()).isEqualTo("Kennung;KI;Datum;Feld;Handlungsfeld;Aktivitätsart;Programm;Baustein;"
                + "Maßnahme;Teilnehmende;Ehrenamtliche;Termine;Stunden;Notiz");
    }

    @Test
    void headingsAreMatchedWhateverTheSpellingOfUmlautsCaseAndSeparators() throws IOException {
        var records = ActivityCsv.read(new StringReader(
                "ki;DATUM;Feld;handlungs-feld;Aktivitaetsart;Massnahme;teilnehmende;Ehrenamtliche;Termine;Stunden\n"));

        assertThat(records.columns()).containsExactly("site", "occurredOn", "field", "focusArea", "activityType",
                "measureId", "participants", "volunteers", "sessions", "hours");
    }

    @Test
    void theJsonNamesOfOlderFilesAreStillReadAlsoMixedWithHeadings() throws IOException {
        var records = ActivityCsv.read(new StringReader(
                "site;occurred_on;Feld;focusArea;activityType;participants;Ehrenamtliche;sessions;hours\n"
                        + "05974;03.11.2025;BILDUNG;FRUEHE_BILDUNG;ELTERNPROGRAMM;9;2;1;2\n"));

        var record = records.next();
        assertThat(record.cells()).containsEntry("occurredOn", "03.11.2025").containsEntry("volunteers", "2");
    }

    @Test
    void theDerivedIdDoesNotDependOnTheHeadingsOfTheFile() throws IOException {
        String row = "\n05974;03.11.2025;BILDUNG;FRUEHE_BILDUNG;ELTERNPROGRAMM;9;2;1;2\n";
        var german = ActivityCsv.read(new StringReader("KI;Datum;Feld;Handlungsfeld;Aktivitätsart;Teilnehmende;Ehrenamtliche;Termine;Stunden" + row)).next();
        var english = ActivityCsv.read(new StringReader("site;occurredOn;field;focusArea;activityType;participants;volunteers;sessions;hours" + row)).next();

        assertThat(ActivityCsv.derivedId(german.cells(), 1)).isEqualTo(ActivityCsv.derivedId(english.cells(), 1));
    }

    @Test
    void unknownColumnsAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> ActivityCsv.read(new StringReader(HEADER + ";teilnehmer\n")))
                .isInstanceOf(ActivityCsv.MalformedCsvException.class)
                .hasMessageContaining("unknown column 'teilnehmer'")
                .hasMessageContaining("known columns: Kennung, KI, Datum,")
                .hasMessageContaining("(or id, site, occurredOn,")
                .satisfies(e -> assertThat(((ActivityCsv.MalformedCsvException) e).line()).isEqualTo(1));
    }

    @Test
    void missingRequiredAndDuplicateColumnsAreRefused() {
        assertThatThrownBy(() -> ActivityCsv.read(new StringReader("site;site;field\n")))
                .isInstanceOf(ActivityCsv.MalformedCsvException.class)
                .hasMessageContaining("column KI appears twice")
                .hasMessageContaining("missing required columns Datum, Handlungsfeld, Aktivitätsart, Teilnehmende");
        assertThatThrownBy(() -> ActivityCsv.read(new StringReader("")))
                .hasMessageContaining("no header row");
    }

    @Test
    void rowsWithTheWrongNumberOfCellsOrBrokenQuotesAreProblemsOfTheirLine() throws IOException {
        List<ActivityCsv.Record> records = readAll(HEADER + "\n"
                + ";05974;2025-11-23;BILDUNG\n"
                + ";05974;2025-11-23;BILDUNG;FRUEHE_BILDUNG;BERATUNG;1;0;1;1;\"never closed\n");

        assertThat(records.get(0).problem()).contains("expected 11 cells as in the header, found 4");
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(1).problem()).contains("a quote opened on line 3 is never closed");
    }

    @Test
    void blankAndPaddingRowsAreSkipped() throws IOException {
        List<ActivityCsv.Record> records = readAll(HEADER + "\n\n;;;;;;;;;;\n"
                + ";05974;2025-11-23;BILDUNG;FRUEHE_BILDUNG;BERATUNG;1;0;1;1;;;\n");

        assertThat(records).hasSize(1);
        assertThat(records.get(0).line()).isEqualTo(4);
        assertThat(records.get(0).readable()).isTrue();
    }

    @Test
    void derivedIdDependsOnContentAndOccurrenceButNotOnSpelling() {
        Map<String, String> row = row("05974", "23.11.2025", "bildung", "012");
        Map<String, String> sameMeaning = row(" 05974", "2025-11-23", "BILDUNG ", "12");
        Map<String, String> otherCount = row("05974", "2025-11-23", "BILDUNG", "13");

        UUID first = ActivityCsv.derivedId(row, 1);

        assertThat(ActivityCsv.derivedId(sameMeaning, 1)).isEqualTo(first);
        assertThat(ActivityCsv.derivedId(row, 2)).isNotEqualTo(first);
        assertThat(ActivityCsv.derivedId(otherCount, 1)).isNotEqualTo(first);
        assertThat(first.version()).isEqualTo(5);
        assertThat(ActivityCsv.derivedId(row("05966", "23.11.2025", "bildung", "012"), 1)).isNotEqualTo(first);
    }

    @Test
    void derivedIdsAreStableAcrossReleases() {
        // Pinned values (computed independently with Python's uuid.uuid5): changing the derivation would make
        // every re-uploaded file count twice.
        assertThat(ActivityCsv.nameBased(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
                .hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
        assertThat(ActivityCsv.derivedId(row("05974", "23.11.2025", "bildung", "012"), 1))
                .hasToString("30e63445-b469-5267-8642-edbf637a194a");
    }

    @Test
    void formatQuotesOnlyWhereNeeded() {
        assertThat(ActivityCsv.format(List.of("a", "b;c", "say \"hi\"", "x\ny", ""), ';'))
                .isEqualTo("a;\"b;c\";\"say \"\"hi\"\"\";\"x\ny\";");
    }

    private static Map<String, String> row(String site, String date, String field, String participants) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("id", "");
        cells.put("site", site);
        cells.put("occurredOn", date);
        cells.put("field", field);
        cells.put("focusArea", "FRUEHE_BILDUNG");
        cells.put("activityType", "BERATUNG");
        cells.put("participants", participants);
        cells.put("volunteers", "0");
        cells.put("sessions", "1");
        cells.put("hours", "1");
        return cells;
    }

    private static List<ActivityCsv.Record> readAll(String text) throws IOException {
        var records = ActivityCsv.read(new StringReader(text));
        List<ActivityCsv.Record> all = new ArrayList<>();
        for (var record = records.next(); record != null; record = records.next()) {
            all.add(record);
        }
        return all;
    }
}
