package nrw.kinetz.intake.activity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.infra.web.ProblemError;
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
@Service
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
     * @throws ApiProblemException 404 unknown activity, 403 another site's, 409 its report was never
     *                             confirmed, 503 Kafka or the store did not confirm
     */
    RetractionResult retract(Caller caller, UUID activityId, String reason) {
        try {
            recovery.ensureRecovered();
            Claim claim = ledger.find(activityId).orElseThrow(() -> ApiProblemException.notFound(
                    "No activity " + activityId + " was reported to this intake."));
            if (!caller.mayActFor(claim.report().siteId())) {
                throw new ApiProblemException(HttpStatus.FORBIDDEN, "Activity " + activityId + " belongs to site "
                        + claim.report().siteId() + "; only that site's token or the laki role may retract it.",
                        List.of(ProblemError.of("a token of " + caller.site().map(site -> "site " + site).orElse("this role")
                                + " may not retract activities of site " + claim.report().siteId())));
            }
            if (claim.retraction() != null && claim.retraction().acknowledged()) {
                return new RetractionResult(activityId, claim.retraction().id(), RetractionResult.Status.DUPLICATE);
            }
            if (ledger.acknowledged(List.of(claim.batch())).isEmpty()) {
                throw ApiProblemException.conflict("The report of activity " + activityId + " was never confirmed"
                        + " (its request failed); send the report again before retracting it.");
            }
            Retraction retraction = ledger.noteRetraction(activityId, retractionId(activityId), reason);
            publisher.publish(EventEnvelope.of(retraction.id(), EventSource.site(claim.report().siteId()),
                    ActivityEventTypes.RETRACTED, claim.report().siteId().value(),
                    ActivityRetracted.of(claim.report(), retraction.reason())));
            ledger.acknowledgeRetraction(activityId);
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
