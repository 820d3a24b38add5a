package nrw.kinetz.reporting.feed;

import java.util.Collection;
import java.util.List;

/**
 * A read model that marks changed aggregates inside their own documents (docs/architecture.md#outbox: the change and its
 * announcement are one write) and lets the {@link FeedRelay} collect them.
 */
public interface ChangeSource {

    /** @return up to {@code limit} changes not yet marked as fed, wherever they are: the sweep's question */
    public List<Change> pending(int limit);

    /**
     * @param keys aggregates the local writer has just changed
     * @return the changes among those aggregates that are still marked: the same answer for them as
     *         {@link #pending(int)}, found by key instead of by mark, which a store may have to scan for
     */
    public List<Change> pending(Collection<String> keys);

    /**
     * Clears the marks of these changes — but not of an aggregate that has changed again since, whose newer
     * value is still to be fed.
     */
    void fed(List<Change> changes);

    /** @return how many changes are not yet marked as fed: the feed relay's backlog, for operators */
    default long pendingCount() {
        return pending(Integer.MAX_VALUE).size();
    }

    /** @return whether this source wrote {@code change}, where several read models feed one feed */
    default boolean owns(Change change) {
        return true;
    }
}
