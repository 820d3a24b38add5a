package nrw.kinetz.sites.site;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * One event of a site's history, as it was (or will be) published on {@code ki.sites.v1}: the CloudEvents
 * attributes and the payload.
 */
record HistoryEntry(UUID id, String type, URI source, OffsetDateTime time, String subject, JsonNode data) {

    static HistoryEntry of(EventEnvelope<?> event) {
        return new HistoryEntry(event.id(), event.type().name(), event.source(), event.time(), event.subject(),
                EventJson.mapper().valueToTree(event.data()));
    }
}
