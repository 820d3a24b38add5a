package nrw.kinetz.reporting.feed;

/**
 * A right held by one instance at a time, e.g. to write the feed: one writer keeps the feed gap-free for
 * readers (with two, a reader could see sequence 11 committed before 10 and move its cursor past 10 for good).
 * An instance that stops renewing it loses it when it expires, so a crashed holder blocks nobody for long.
 */
public interface Lease {

    /** Acquires or renews the lease if possible. @return whether this instance holds it now */
    public boolean acquire();

    /** @return whether this instance held the lease at its last {@link #acquire()}, without asking the store */
    public boolean held();

    /** Gives the lease up at once, if this instance holds it, so that another can take it without waiting. */
    public void release();
}
