package nrw.kinetz.sites.site;

/** Tells the relay that events were stored and wait for publication, so they go out now, not at the next poll. */
@FunctionalInterface
interface PendingEventsSignal {

    void eventsPending();
}
