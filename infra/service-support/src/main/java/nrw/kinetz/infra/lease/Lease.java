package nrw.kinetz.infra.lease;

/**
 * A right held by one instance of a service at a time, for work that must not run twice at once: writing
 * reporting's feed (one writer keeps it gap-free — with two, a reader could see sequence 11 committed before 10
 * and move its cursor past 10 for good), sending the catalog's mails (a mail cannot be taken back). An instance
 * that stops renewing it loses it when it expires, so a crashed holder blocks nobody for long. Plain Java, so
 * that every layer may depend on it; the store's implementation is {@code nrw.kinetz.infra.mongo.MongoLease}.
 */
public interface Lease {

    /** Acquires or renews the lease if possible. @return whether this instance holds it now */
    public boolean acquire();

    /** @return whether this instance held the lease at its last {@link #acquire()}, without asking the store */
    public boolean held();

    /**
     * Gives the lease up at once, if this instance holds it, so that another can take it without waiting. Never
     * fails: a lease that could not be handed back expires by itself.
     */
    public void release();
}
