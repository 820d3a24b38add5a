package nrw.kinetz.programs.outbox;

/**
 * A collection whose documents keep their events inside themselves ({@link StoredEvent#EVENTS},
 * {@link StoredEvent#PENDING}); declare one bean per collection and the relay publishes what is pending there.
 */
public record OutboxCollection(String name) {
}
