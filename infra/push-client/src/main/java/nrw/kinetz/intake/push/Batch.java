package nrw.kinetz.intake.push;

import java.util.Map;
import java.util.TreeMap;

/**
 * One request's worth of a file: at most 1,000 activities in the file's own format.
 *
 * @param number      1 for the first batch
 * @param body        the request body
 * @param contentType {@code text/csv} or {@code application/x-ndjson}
 * @param items       activities in the body
 * @param lines       line in the body where an activity starts → its line in the file, so that the
 *                    intake's line numbers can be shown as the file's
 * @param position    bytes of the file read so far, for the progress bar
 */
record Batch(int number, byte[] body, String contentType, int items, TreeMap<Integer, Integer> lines, long position) {

    /** @return the file line of the batch's first activity */
    int firstLine() {
        return contentType.startsWith("text/csv") ? lines.get(lines.higherKey(1)) : lines.firstEntry().getValue();
    }

    boolean csv() {
        return contentType.startsWith("text/csv");
    }

    /** The file line of a body line; a line inside an activity maps relative to the activity's first line. */
    int fileLine(int bodyLine) {
        Map.Entry<Integer, Integer> start = lines.floorEntry(bodyLine);
        return start == null ? bodyLine : start.getValue() + (bodyLine - start.getKey());
    }
}
