package nrw.kinetz.sites.site.domain;

import java.util.Objects;

import nrw.kinetz.model.event.EventType;

/**
 * Something the site decided, as the payload of its event type; the application gives it an id and a
 * time and announces it on the site topic.
 */
public record Fact<T>(EventType<T> type, T payload) {

    public Fact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }
}
