package nrw.kinetz.reporting.feed;

/**
 * The right to write the feed, held by one instance at a time. One writer keeps the feed gap-free for
 * readers: with two, a reader could see sequence 11 committed before 10 and move its cursor past 10 for good.
 */
public interface Lease {

    /** Acquires or renews the lease if possible. @return whether this instance holds it now */
    public boolean acquire();

    /** @return whether this instance held the lease at its last {@link #acquire()}, without asking the store */
    public boolean held();
}
