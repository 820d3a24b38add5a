package nrw.kinetz.programs.outbox;

/** Tells the relay that events were stored and wait for publication, so they go out now, not at the next poll. */
@FunctionalInterface
public interface PendingEventsSignal {

    void eventsPending();
}
