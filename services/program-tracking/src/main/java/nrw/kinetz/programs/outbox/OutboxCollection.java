package nrw.kinetz.programs.outbox;

/**
 * A collection whose documents keep their events inside themselves ({@link StoredEvent#EVENTS},
 * {@link StoredEvent#PENDING}); declare one bean per collection and the relay publishes what is pending there.
 *
 * <p>An <em>index</em> is a collection of small documents that each name documents of another collection
 * ({@link #DOCUMENTS}, {@link #eventsIn()}) and the ids of their events still pending: the events stay inside the
 * documents they announce, and the relay marks many of them published with one write on the index document.
 *
 * @param name     the collection
 * @param ordered  whether a document's events must reach Kafka in their order (each sent after the one before was
 *                 acknowledged), as the changes of one grant must; {@code false} for an index, whose documents
 *                 collect independent facts that are sent all at once
 * @param eventsIn for an index, the collection holding the events; {@code null} where the documents hold them
 */
public record OutboxCollection(String name, boolean ordered, String eventsIn) {

    /** The field of an index document that names the documents holding its events. */
    public static final String DOCUMENTS = "documents";

    /** A collection whose documents hold their events, which go out in their order. */
    public OutboxCollection(String name) {
        this(name, true, null);
    }

    /** An index in {@code name} of events held by documents of {@code eventsIn}. */
    public static OutboxCollection index(String name, String eventsIn) {
        return new OutboxCollection(name, false, eventsIn);
    }
}
