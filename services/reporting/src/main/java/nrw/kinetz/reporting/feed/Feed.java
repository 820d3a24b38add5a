package nrw.kinetz.reporting.feed;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The ordered log of aggregate changes, kept in the store every instance reads. */
public interface Feed {

    /**
     * Appends the changes in the given order with increasing sequences. A change whose id is in the feed
     * already (appended before a crash, not yet marked fed) is not appended again.
     *
     * @return the entries appended
     */
    public List<FeedEntry> append(List<Change> changes, Instant now);

    /**
     * As {@link #append(List, Instant)}, where the caller knows that the changes whose ids are in {@code absent} are
     * not in the feed: only the others are looked for.
     */
    public default List<FeedEntry> append(List<Change> changes, Set<String> absent, Instant now) {
        return append(changes, now);
    }

    /** @return up to {@code limit} entries with a sequence after {@code sequence}, in order */
    public List<FeedEntry> after(long sequence, int limit);

    /** @return the highest sequence in the feed, {@link FeedCursor#START} if it is empty */
    public long last();

    /**
     * @return a number that grows with every append (the highest sequence handed out, whether or not its entry is
     *         visible yet), cheap to ask on every request; {@link #last()} by default
     */
    public default long position() {
        return last();
    }

    /** @return how far the named relay has got, {@link FeedCursor#START} if it has not started */
    public long progress(String relay);

    public void saveProgress(String relay, long sequence);
}
