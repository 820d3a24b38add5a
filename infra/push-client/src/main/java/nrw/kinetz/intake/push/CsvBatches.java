package nrw.kinetz.intake.push;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nrw.kinetz.model.activity.ActivityCsv;
import nrw.kinetz.model.activity.CsvEncoding;

/**
 * A spreadsheet export split into batches, read in the encoding it was saved in (UTF-8 with or without BOM, or
 * German Excel's Windows-1252: {@link CsvEncoding}) and always sent as UTF-8. Rows without an id get their name-based id here, counted over
 * the whole file ({@link ActivityCsv#derivedId}): the intake would count occurrences per request, and a
 * file split into batches must get the same ids as the file sent whole, or a second upload would count
 * identical rows of different batches twice.
 */
final class CsvBatches implements BatchSource {

    static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private final CountingInputStream counting;
    private final ActivityCsv.Records records;
    private final List<String> columns;
    private final String header;
    private final int batchSize;
    private final long size;
    private final PushReport report;
    /** Occurrences of row contents seen so far, keyed by a 128-bit hash: a few dozen bytes per distinct row. */
    private final Map<ContentKey, Integer> occurrences = new HashMap<>();
    private int number;

    /**
     * @throws ActivityCsv.MalformedCsvException if the header cannot be used (nothing is sent then)
     * @throws CsvEncoding.UnreadableTextException if the file is neither UTF-8 nor Windows-1252 (nothing is sent)
     */
    CsvBatches(Path file, int batchSize, PushReport report) throws IOException {
        this.size = Files.size(file);
        Charset charset = CsvEncoding.detect(file);
        this.counting = new CountingInputStream(Files.newInputStream(file));
        this.records = ActivityCsv.read(new BufferedReader(CsvEncoding.reader(counting, charset), 1 << 16));
        List<String> out = new ArrayList<>(records.columns());
        if (!out.contains("id")) {
            out.add(0, "id");
        }
        this.columns = List.copyOf(out);
        this.header = ActivityCsv.format(columns.stream().map(ActivityCsv::heading).toList(), records.separator());
        this.batchSize = batchSize;
        this.report = report;
    }

    @Override
    public Batch next() throws IOException {
        StringBuilder body = new StringBuilder(header).append('\n');
        TreeMap<Integer, Integer> lines = new TreeMap<>();
        lines.put(1, 1);
        int bodyLine = 2;
        int items = 0;
        while (items < batchSize) {
            ActivityCsv.Record record = records.next();
            if (record == null) {
                break;
            }
            if (!record.readable()) {
                // the intake would refuse it the same way; a broken row cannot be sent on faithfully
                report.rejected(record.line(), record.problem());
                continue;
            }
            String row = ActivityCsv.format(columns.stream().map(column -> cell(record, column)).toList(), records.separator());
            lines.put(bodyLine, record.line());
            body.append(row).append('\n');
            bodyLine += 1 + (int) row.chars().filter(c -> c == '\n').count();
            items++;
        }
        if (items == 0) {
            return null;
        }
        number++;
        return new Batch(number, body.toString().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE, items, lines, counting.count());
    }

    private String cell(ActivityCsv.Record record, String column) {
        String value = record.cells().get(column);
        if (column.equals("id") && (value == null || value.isBlank())) {
            int occurrence = occurrences.merge(ContentKey.of(ActivityCsv.content(record.cells())), 1, Integer::sum);
            return ActivityCsv.derivedId(record.cells(), occurrence).toString();
        }
        return value == null ? "" : value;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        counting.close();
    }

    private record ContentKey(long high, long low) {

        static ContentKey of(String content) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
                long high = 0;
                long low = 0;
                for (int i = 0; i < 8; i++) {
                    high = (high << 8) | (hash[i] & 0xff);
                    low = (low << 8) | (hash[i + 8] & 0xff);
                }
                return new ContentKey(high, low);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }
    }
}
