package nrw.kinetz.intake.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nrw.kinetz.model.activity.ActivityCsv;

class CsvBatchesTests {

    private static final String HEADER = "site;occurredOn;field;focusArea;activityType;participants;volunteers;sessions;hours;note";
    private static final String ROW = "05974;03.11.2025;BILDUNG;FRUEHE_BILDUNG;ELTERNPROGRAMM;9;2;1;2;";

    @TempDir
    Path dir;

    @Test
    void identicalRowsInDifferentBatchesGetTheIdsTheyWouldGetInOneRequest() throws IOException {
        Path file = write("\uFEFF" + HEADER + "\n" + (ROW + "\n").repeat(5));

        List<Batch> batches = readAll(file, 2, new PushReport());

        assertThat(batches).extracting(Batch::items).containsExactly(2, 2, 1);
        List<String> ids = new ArrayList<>();
        for (Batch batch : batches) {
            var records = ActivityCsv.read(new StringReader(new String(batch.body(), StandardCharsets.UTF_8)));
            assertThat(records.columns().get(0)).isEqualTo("id");
            for (var record = records.next(); record != null; record = records.next()) {
                ids.add(record.cells().get("id"));
            }
        }
        Map<String, String> cells = new HashMap<>(ActivityCsv.read(new StringReader(HEADER + "\n" + ROW + "\n")).next().cells());
        assertThat(ids).containsExactly(ActivityCsv.derivedId(cells, 1).toString(), ActivityCsv.derivedId(cells, 2).toString(),
                ActivityCsv.derivedId(cells, 3).toString(), ActivityCsv.derivedId(cells, 4).toString(),
                ActivityCsv.derivedId(cells, 5).toString());
    }

    @Test
    void bodyLinesMapBackToFileLinesAlsoAfterMultiLineCells() throws IOException {
        Path file = write(HEADER + "\n\n" + ROW + "\"zwei\nZeilen\"\n" + ROW + "\n" + ROW + "\n");

        List<Batch> batches = readAll(file, 2, new PushReport());

        Batch first = batches.get(0);
        assertThat(first.fileLine(2)).isEqualTo(3);
        assertThat(first.fileLine(4)).isEqualTo(5);
        assertThat(first.firstLine()).isEqualTo(3);
        assertThat(batches.get(1).fileLine(2)).isEqualTo(6);
    }

    @Test
    void givenIdsAreKeptAndBrokenRowsAreRejectedLocallyWithTheirLine() throws IOException {
        String id = UUID.randomUUID().toString();
        Path file = write("id;" + HEADER + "\n" + id + ";" + ROW + "\n;05974;broken\n");
        PushReport report = new PushReport();

        List<Batch> batches = readAll(file, 1000, report);

        assertThat(new String(batches.get(0).body(), StandardCharsets.UTF_8)).contains(id + ";05974;03.11.2025");
        assertThat(batches.get(0).items()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.detail()).contains("expected 11 cells");
        });
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("activities.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<Batch> readAll(Path file, int size, PushReport report) throws IOException {
        List<Batch> batches = new ArrayList<>();
        try (CsvBatches source = new CsvBatches(file, size, report)) {
            for (Batch batch = source.next(); batch != null; batch = source.next()) {
                batches.add(batch);
            }
        }
        return batches;
    }
}
