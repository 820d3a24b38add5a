package nrw.kinetz.programs.outbox;

/** Tells the relay that events were stored and wait for publication, so they go out now, not at the next poll. */
public interface PendingEventsSignal {

    void eventsPending();

    /**
     * As {@link #eventsPending()}, naming the documents of {@code collection} that were given events, so the relay
     * reads them by id instead of searching the collection.
     */
    default void eventsPending(String collection, java.util.Collection<String> documentIds) {
        eventsPending();
    }

    /**
     * As {@link #eventsPending()}, handing over the events just stored, by document of {@code collection}, exactly
     * as stored and not yet published, so the relay need not read them back. Only for documents this writer created
     * with these events: the relay marks them published in the store after Kafka acknowledged them.
     */
    default void eventsStored(String collection, java.util.Map<String, java.util.List<StoredEvent>> events) {
        eventsPending(collection, events.keySet());
    }

    /**
     * Runs {@code writes} while no search of this relay reads an index collection: for a writer that lists events as pending
     * before it knows which of them are new and takes the others out again right after, so that no search sees them
     * listed in between. (A relay of another instance may; it publishes such an event again with the same
     * {@code ce_id}, which consumers count once.)
     */
    default void withoutSearch(Runnable writes) {
        writes.run();
    }

    /**
     * Publishes what is pending on the calling thread, for a caller that is about to drop documents holding events.
     *
     * @return whether nothing is left pending (false when the broker did not acknowledge everything)
     */
    boolean relayNow();
}
