package nrw.kinetz.reporting.feed;

import java.util.List;

/**
 * A read model that marks changed aggregates inside their own documents (DESIGN.md §4.1: the change and its
 * announcement are one write) and lets the {@link FeedRelay} collect them.
 */
public interface ChangeSource {

    /** @return up to {@code limit} changes not yet marked as fed */
    List<Change> pending(int limit);

    /**
     * Clears the marks of these changes — but not of an aggregate that has changed again since, whose newer
     * value is still to be fed.
     */
    void fed(List<Change> changes);
}
