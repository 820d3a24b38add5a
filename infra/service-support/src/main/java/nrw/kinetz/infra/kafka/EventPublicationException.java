package nrw.kinetz.infra.kafka;

import nrw.kinetz.model.event.EventEnvelope;

/** Kafka did not acknowledge an event in time: the caller must not report success. */
public class EventPublicationException extends RuntimeException {

    public EventPublicationException(EventEnvelope<?> event, Throwable cause) {
        super("Kafka did not acknowledge " + event.type().name() + " " + event.id() + ": "
                + (cause == null ? "unknown cause" : cause.getMessage()), cause);
    }
}
