package nrw.kinetz.programs.domain;

import java.util.Objects;

import nrw.kinetz.model.event.EventType;

/**
 * Something the domain decided, as the payload of its event type; the application gives it an id and a time
 * and announces it on {@code ki.programs.v1}.
 */
public record Fact<T>(EventType<T> type, T payload) {

    public Fact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
