package nrw.kinetz.intake.activity;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityReported;

/**
 * The intake's memory of which activity id is bound to which content (a port; {@link MongoActivityLedger}
 * keeps it in the intake's own database).
 *
 * <p>An id is <em>claimed</em> before its report is published, atomically: of two requests racing with one
 * id exactly one binds it. A claim names the request ({@code batch}) that published it; the request records
 * its batch after Kafka acknowledged all its reports. So a claim whose batch is recorded was published; a
 * claim without one may or may not have been (the request failed or the process died),
 * and a retry with the same content publishes it again under the same {@code ce_id}, which consumers count
 * once (docs/architecture.md#idempotency).
 */
interface ActivityLedger {

    /** The confirmed batch of claims restored from the topic after the store lost them ({@link ClaimRecovery}). */
    String RECOVERED = "recovered-from-topic";

    /**
     * A report whose id was claimed.
     *
     * @param hash       the {@link nrw.kinetz.intake.activity.domain.ContentHash} of the claimed content
     * @param batch      the request that (last) published it
     * @param report     the claimed report, for retractions
     * @param retraction the retraction, once one was requested
     */
    record Claim(UUID id, String hash, String batch, ActivityReported report, Retraction retraction) {
    }

    /**
     * @param id           the retraction's event id
     * @param reason       the reason given first
     * @param acknowledged whether Kafka acknowledged the retraction event
     */
    record Retraction(UUID id, String reason, boolean acknowledged) {
    }

    /** A report to claim, with its content hash. */
    record Pending(ActivityReported report, String hash) {
    }

    /**
     * What {@link #claim} did.
     *
     * @param taken   by the id the site sent: the site's own existing claims of ids it used before (by an earlier or a
     *                concurrent request)
     * @param renamed by the id the site sent: the report to publish instead, under its {@link #siteScoped} id, because
     *                another site had claimed the id first
     */
    record Claimed(Map<UUID, Claim> taken, Map<UUID, ActivityReported> renamed) {

        static final Claimed NOTHING_TAKEN = new Claimed(Map.of(), Map.of());
    }

    /**
     * Claims the ids of {@code reports} for {@code batch}, all or as many as are free. Ids are the site's own
     * (docs/architecture.md#idempotency): an id another site claimed first does not stop a site from using it; its
     * report is claimed and published under the id's {@link #siteScoped} form, and the answer is the same as for a
     * fresh id, so that no answer tells one site about another's activities.
     *
     * @throws LedgerException if the store does not confirm
     */
    Claimed claim(String batch, List<Pending> reports);

    /**
     * The id under which a site's report is claimed and published when another site had claimed the id it sent.
     * Name-based, so that sending the same report again finds the same claim.
     */
    static UUID siteScoped(SiteId site, UUID id) {
        return UUID.nameUUIDFromBytes(("nrw.ki.activity.site-scoped:" + site.value() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The site's own claims of the ids it sent, whether claimed under the id itself or under its {@link #siteScoped}
     * form; another site's claim of the same id is not there.
     *
     * @param sites the site each id was sent for
     * @return by the id the site sent
     */
    default Map<UUID, Claim> findOwn(Map<UUID, SiteId> sites) {
        if (sites.isEmpty()) {
            return Map.of();
        }
        Set<UUID> keys = new java.util.HashSet<>(sites.keySet());
        sites.forEach((id, site) -> keys.add(siteScoped(site, id)));
        Map<UUID, Claim> all = find(keys);
        Map<UUID, Claim> own = new java.util.HashMap<>();
        sites.forEach((id, site) -> {
            Claim direct = all.get(id);
            Claim scoped = all.get(siteScoped(site, id));
            if (direct != null && direct.report().siteId().equals(site)) {
                own.put(id, direct);
            } else if (scoped != null) {
                own.put(id, scoped);
            }
        });
        return own;
    }

    /**
     * Restores the claims of reports found in the topic: a missing claim is inserted, an unconfirmed one with
     * the same content is confirmed, both in the always confirmed batch {@value #RECOVERED}. A claim with
     * other content than the topic's first report of its id is left alone.
     *
     * @param reports in topic order
     * @return how many claims were missing
     */
    int restore(List<Pending> reports);

    /** The claims of these ids that exist, whichever site holds them (the LaKI's view, and recovery's). */
    Map<UUID, Claim> find(Collection<UUID> ids);

    default Optional<Claim> find(UUID id) {
        return Optional.ofNullable(find(List.of(id)).get(id));
    }

    /** Of these batches, the ones whose reports Kafka acknowledged. */
    Set<String> acknowledged(Collection<String> batches);

    /** Frees the claims {@code batch} made, when it will not publish them (an atomic request that failed). */
    void release(String batch, Collection<UUID> ids);

    /**
     * Records that Kafka acknowledged every report of {@code batch}: first the claims of earlier, unconfirmed
     * requests that this batch published again move to it, then the batch is recorded.
     */
    void acknowledge(String batch, int published, Collection<UUID> republished);

    /**
     * Notes a retraction before it is published, unless one was noted already.
     *
     * @return the retraction that holds: the first one noted
     */
    Retraction noteRetraction(UUID activityId, UUID retractionId, String reason);

    void acknowledgeRetraction(UUID activityId);

    /** The store did not confirm: the request must not be acknowledged. */
    abstract class LedgerException extends RuntimeException {

        LedgerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The store does not answer now (an outage): the same request may succeed later. */
    class LedgerUnavailableException extends LedgerException {

        LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The store answered and refused a write for another reason than a taken id: retrying will not help. */
    class LedgerFaultException extends LedgerException {

        LedgerFaultException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
