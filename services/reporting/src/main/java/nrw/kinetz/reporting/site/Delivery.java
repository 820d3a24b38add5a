package nrw.kinetz.reporting.site;

import java.util.Objects;
import java.util.UUID;

/**
 * An event as it reached the projection: its {@code ce_id} and where it sits in the topic. Together they
 * make the projection idempotent (docs/architecture.md#idempotency): within one partition the offset is a version, and the
 * id recognises a re-publication of the same fact at a later offset.
 *
 * @param eventId   the {@code ce_id}
 * @param partition the partition of {@code ki.sites.v1} (one site's events share one, the key is the site id)
 * @param offset    the offset within that partition
 */
record Delivery(UUID eventId, int partition, long offset) {

    Delivery {
        Objects.requireNonNull(eventId, "eventId");
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset are never negative: " + partition + "@" + offset);
        }
    }
}
