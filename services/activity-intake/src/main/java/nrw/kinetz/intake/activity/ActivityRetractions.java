package nrw.kinetz.intake.activity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.intake.activity.ActivityLedger.Claim;
import nrw.kinetz.intake.activity.ActivityLedger.LedgerException;
import nrw.kinetz.intake.activity.ActivityLedger.Retraction;
import nrw.kinetz.model.activity.ActivityEventTypes;
import nrw.kinetz.model.activity.ActivityRetracted;
import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.model.event.EventSource;

/**
 * How a KI corrects a wrong number (docs/architecture.md#idempotency): it retracts the activity, and the retraction event
 * carries everything the report added, so every consumer subtracts exactly that. The event id is derived
 * from the activity id, so retrying a retraction — or two racing — is one event for every consumer.
 */
class ActivityRetractions {

    private final ActivityLedger ledger;
    private final ReportPublisher publisher;
    private final IntakeProperties properties;
    private final ClaimRecovery recovery;

    ActivityRetractions(ActivityLedger ledger, ReportPublisher publisher, IntakeProperties properties,
            ClaimRecovery recovery) {
        this.recovery = recovery;
        this.ledger = ledger;
        this.publisher = publisher;
        this.properties = properties;
    }

    /**
     * @param reason optional, at most 500 characters (checked by the request)
     * @return retracted (published now) or duplicate (retracted before; nothing published)
     * @throws ApplicationException 404 unknown activity (for a KI also another site's: the answer must not tell
     *                             whether another site has an id), 409 its report was never confirmed, 503 Kafka or
     *                             the store did not confirm
     */
    RetractionResult retract(Caller caller, UUID activityId, String reason) {
        try {
            recovery.ensureRecovered();
            // A KI finds its own site's activities only: another site's id answers exactly like an unknown one.
            Optional<Claim> found = caller.seesExactNumbers() ? ledger.find(activityId)
                    : caller.site().map(site -> ledger.findOwn(Map.of(activityId, site)).get(activityId));
            Claim claim = found.filter(c -> caller.mayActFor(c.report().siteId())).orElseThrow(() -> ApplicationException.of(
                    Kind.NOT_FOUND, "activity.unknown", "No activity " + activityId + " was reported to this intake.", activityId));
            // The id it was claimed and published under: the one sent, or its site-scoped form.
            UUID published = claim.id();
            if (claim.retraction() != null && claim.retraction().acknowledged()) {
                return new RetractionResult(activityId, claim.retraction().id(), RetractionResult.Status.DUPLICATE);
            }
            if (ledger.acknowledged(List.of(claim.batch())).isEmpty()) {
                throw ApplicationException.of(Kind.CONFLICT, "activity.report-unconfirmed", "The report of activity "
                        + activityId + " was never confirmed (its request failed); send the report again before"
                        + " retracting it.", activityId);
            }
            Retraction retraction = ledger.noteRetraction(published, retractionId(published), reason);
            publisher.publish(EventEnvelope.of(retraction.id(), EventSource.site(claim.report().siteId()),
                    ActivityEventTypes.RETRACTED, claim.report().siteId().value(),
                    ActivityRetracted.of(claim.report(), retraction.reason())));
            ledger.acknowledgeRetraction(published);
            return new RetractionResult(activityId, retraction.id(), RetractionResult.Status.RETRACTED);
        } catch (LedgerException e) {
            throw recovery.failed(e, properties.retryAfter());
        }
    }

    /** One event id per activity's retraction, whoever asks and however often. */
    static UUID retractionId(UUID activityId) {
        return UUID.nameUUIDFromBytes(("nrw.ki.activity.retracted.v1:" + activityId).getBytes(StandardCharsets.UTF_8));
    }
}
