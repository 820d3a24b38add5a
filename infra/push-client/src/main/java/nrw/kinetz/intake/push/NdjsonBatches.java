package nrw.kinetz.intake.push;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/** An NDJSON file (one activity per line) split into batches; lines are sent as they are. */
final class NdjsonBatches implements BatchSource {

    static final String CONTENT_TYPE = "application/x-ndjson";

    private final CountingInputStream counting;
    private final BufferedReader reader;
    private final int batchSize;
    private final long size;
    private int fileLine;
    private int number;

    NdjsonBatches(Path file, int batchSize) throws IOException {
        this.size = Files.size(file);
        this.counting = new CountingInputStream(Files.newInputStream(file));
        this.reader = new BufferedReader(new InputStreamReader(counting, StandardCharsets.UTF_8), 1 << 16);
        this.batchSize = batchSize;
    }

    @Override
    public Batch next() throws IOException {
        StringBuilder body = new StringBuilder();
        TreeMap<Integer, Integer> lines = new TreeMap<>();
        int items = 0;
        String line;
        while (items < batchSize && (line = reader.readLine()) != null) {
            fileLine++;
            if (fileLine == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            items++;
            lines.put(items, fileLine);
            body.append(line).append('\n');
        }
        if (items == 0) {
            return null;
        }
        number++;
        return new Batch(number, body.toString().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE, items, lines, counting.count());
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
