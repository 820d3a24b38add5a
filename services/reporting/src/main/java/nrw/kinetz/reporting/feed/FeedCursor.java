package nrw.kinetz.reporting.feed;

/**
 * The cursor of the feed and the SSE event id (docs/architecture.md#reading-api): the feed sequence as decimal text. Clients
 * treat it as opaque; it means the same on every instance because the sequence is the store's, not an
 * instance's. {@code 0} lies before the first change.
 */
public final class FeedCursor {

    /** Before everything. */
    public static final long START = 0;

    private static final int MAX_DIGITS = 18;

    private FeedCursor() {
    }

    public static String format(long sequence) {
        return Long.toString(sequence);
    }

    /** @throws IllegalArgumentException naming what a cursor looks like */
    public static long parse(String cursor) {
        String text = cursor == null ? "" : cursor.strip();
        if (text.isEmpty() || text.length() > MAX_DIGITS || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + cursor + "' is not a feed cursor: use the \"next\" value of a feed "
                    + "answer or the id of an SSE event, or 0 for the beginning");
        }
        return Long.parseLong(text);
    }
}
