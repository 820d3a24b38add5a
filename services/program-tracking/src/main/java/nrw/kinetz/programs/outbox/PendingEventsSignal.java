package nrw.kinetz.programs.outbox;

/** Tells the relay that events were stored and wait for publication, so they go out now, not at the next poll. */
public interface PendingEventsSignal {

    void eventsPending();

    /**
     * Publishes what is pending on the calling thread, for a caller that is about to drop documents holding events.
     *
     * @return whether nothing is left pending (false when the broker did not acknowledge everything)
     */
    boolean relayNow();
}
