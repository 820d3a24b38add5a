package nrw.kinetz.intake.activity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.intake.activity.ActivityLedger.Claim;
import nrw.kinetz.intake.activity.ActivityLedger.Claimed;
import nrw.kinetz.intake.activity.ActivityLedger.LedgerException;
import nrw.kinetz.intake.activity.ActivityLedger.Pending;
import nrw.kinetz.intake.activity.domain.ActivityRules;
import nrw.kinetz.intake.activity.domain.CheckedActivity;
import nrw.kinetz.intake.activity.domain.ContentHash;
import nrw.kinetz.intake.activity.domain.Violation;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityReported;

/**
 * Takes a parsed request body through the rules, the idempotency check and Kafka, and says what became of
 * each activity. The order is what makes the answers true:
 * <ol>
 * <li>every item is checked, and a token may not speak for another site (403 for the whole request);</li>
 * <li>ids are claimed in the {@link ActivityLedger} before publishing, so an id is bound to one content even
 * when two requests race; after a start or an outage of the store, claims it lost are first restored from
 * the topic ({@link ClaimRecovery});</li>
 * <li>the reports are published and the request waits for all acknowledgements (acks=all);</li>
 * <li>only then the batch is confirmed and 202 answered — a failure on the way is a 503 and the client's
 * retry is safe.</li>
 * </ol>
 */
class ActivityIntake {

    private final ActivityRules rules;
    private final ActivityLedger ledger;
    private final ReportPublisher publisher;
    private final IntakeProperties properties;
    private final ClaimRecovery recovery;
    private final IntakeMeters meters;

    ActivityIntake(ActivityRules rules, ActivityLedger ledger, ReportPublisher publisher, IntakeProperties properties,
            ClaimRecovery recovery, IntakeMeters meters) {
        this.recovery = recovery;
        this.meters = meters;
        this.rules = rules;
        this.ledger = ledger;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** One item of the request on its way through. */
    private static final class Slot {
        final IntakeBody.Item item;
        final CheckedActivity checked;
        final String hash;
        final List<ProblemError> errors = new ArrayList<>();
        ItemResult.Status status;
        boolean conflict;
        boolean republish;
        /** The claim this item published again, or its renamed report: what the ledger and Kafka know it by. */
        UUID claimId;
        ActivityReported published;
        /** The earlier item of the same body with the same id and content, if any: this one shares its fate. */
        Slot sameAs;

        Slot(IntakeBody.Item item, CheckedActivity checked) {
            this.item = item;
            this.checked = checked;
            this.hash = checked.valid() ? ContentHash.of(checked.report()) : null;
        }

        UUID id() {
            return checked.id().orElse(null);
        }

        /** The report to publish: the one sent, or under its site-scoped id when another site had the id. */
        ActivityReported report() {
            return published != null ? published : checked.report();
        }

        boolean open() {
            return status == null;
        }

        ItemResult result() {
            return new ItemResult(item.index(), item.line(), id(), status, errors);
        }
    }

    /**
     * @return the summary; its items say accepted, duplicate, rejected or (dry run) valid
     * @throws ApplicationException 400/409 when nothing is usable or an atomic request has a bad item, 403 for
     *                             another site's activity, 503 when Kafka or the store did not confirm
     */
    IntakeSummary report(Caller caller, IntakeBody body, boolean atomic, boolean dryRun) {
        List<Slot> slots = new ArrayList<>(body.items().size());
        try {
            return decide(caller, body, atomic, dryRun, slots);
        } finally {
            if (!dryRun) {
                // also when the request fails: its rejected items were rejected, its undecided ones are not counted
                slots.forEach(slot -> meters.count(slot.status));
            }
        }
    }

    private IntakeSummary decide(Caller caller, IntakeBody body, boolean atomic, boolean dryRun, List<Slot> slots) {
        for (IntakeBody.Item item : body.items()) {
            Slot slot = new Slot(item, rules.check(item.raw(), body.dateStyle()));
            if (!slot.checked.valid()) {
                reject(body, slot, slot.checked.violations(), false);
            }
            slots.add(slot);
        }
        requireMayReportFor(caller, body, slots);
        settleRepeatsWithinTheBody(body, slots);
        try {
            recovery.ensureRecovered();
            if (dryRun) {
                classifyAgainstLedger(body, slots, ledger.findOwn(openSites(slots)));
                shareTheFateOfTheFirstOccurrence(body, slots);
                slots.stream().filter(Slot::open).forEach(slot -> slot.status = ItemResult.Status.VALID);
            } else {
                claimPublishConfirm(body, slots, atomic);
            }
        } catch (LedgerException e) {
            throw recovery.failed(e, properties.retryAfter());
        }
        return IntakeSummary.of(slots.stream().map(Slot::result).toList(), dryRun, atomic);
    }

    private void claimPublishConfirm(IntakeBody body, List<Slot> slots, boolean atomic) {
        if (atomic) {
            requireAllUsable(body, slots, true);
        }
        String batch = UUID.randomUUID().toString();
        List<Slot> claimed = slots.stream().filter(Slot::open).toList();
        Claimed result = ledger.claim(batch, claimed.stream()
                .map(slot -> new Pending(slot.checked.report(), slot.hash)).toList());
        Map<UUID, Claim> taken = result.taken();
        claimed.forEach(slot -> slot.published = result.renamed().get(slot.id()));
        classifyAgainstLedger(body, slots, taken);
        shareTheFateOfTheFirstOccurrence(body, slots);
        if (atomic && slots.stream().anyMatch(slot -> slot.status == ItemResult.Status.REJECTED)) {
            // nothing of this request is published, so the ids it bound are free again
            ledger.release(batch, claimed.stream().filter(slot -> !taken.containsKey(slot.id()))
                    .map(slot -> slot.report().activityId()).toList());
            requireAllUsable(body, slots, true);
        }
        requireAllUsable(body, slots, false);
        List<Slot> toPublish = slots.stream().filter(Slot::open).toList();
        if (toPublish.isEmpty()) {
            return;
        }
        publisher.publishAll(toPublish.stream().map(Slot::report).toList());
        ledger.acknowledge(batch, toPublish.size(), toPublish.stream().filter(slot -> slot.republish).map(slot -> slot.claimId).toList());
        toPublish.forEach(slot -> slot.status = ItemResult.Status.ACCEPTED);
    }

    /** A KI token reports for its own site only; the LaKI for every site (docs/architecture.md#contract). */
    private static void requireMayReportFor(Caller caller, IntakeBody body, List<Slot> slots) {
        List<ProblemError> forbidden = new ArrayList<>();
        for (Slot slot : slots) {
            SiteId site = slot.checked.site().orElse(null);
            if (site != null && !caller.mayActFor(site)) {
                forbidden.add(body.error(slot.item, "site", caller.site().isPresent()
                        ? "a token of site " + caller.site().get() + " may not report for site " + site
                        : "this token may not report for site " + site));
            }
        }
        if (!forbidden.isEmpty()) {
            throw ApplicationException.of(Kind.FORBIDDEN, "intake.site-not-allowed", forbidden.size() + " of "
                    + slots.size() + " activities belong to a site this token may not report for; nothing was accepted.",
                    forbidden.size(), slots.size()).withErrors(forbidden);
        }
    }

    /** The same id twice in one body: the same content counts once, other content is refused. */
    private static void settleRepeatsWithinTheBody(IntakeBody body, List<Slot> slots) {
        Map<UUID, Slot> first = new HashMap<>();
        for (Slot slot : slots) {
            if (!slot.open()) {
                continue;
            }
            Slot earlier = first.putIfAbsent(slot.id(), slot);
            if (earlier == null) {
                continue;
            }
            if (earlier.hash.equals(slot.hash)) {
                slot.status = ItemResult.Status.DUPLICATE;
                slot.sameAs = earlier;
            } else {
                reject(body, slot, List.of(Violation.of("id", "id " + slot.id() + " is also used by "
                        + where(earlier.item) + " of this request, with other content")), true);
            }
        }
    }

    /**
     * Decides the items whose id was claimed before: same content and confirmed → duplicate; same content
     * but never confirmed → published again (same {@code ce_id}, so counted once); other content → refused.
     */
    private void classifyAgainstLedger(IntakeBody body, List<Slot> slots, Map<UUID, Claim> existing) {
        if (existing.isEmpty()) {
            return;
        }
        Set<String> confirmed = ledger.acknowledged(existing.values().stream().map(Claim::batch).collect(Collectors.toSet()));
        for (Slot slot : slots) {
            Claim claim = slot.open() ? existing.get(slot.id()) : null;
            if (claim == null) {
                continue;
            }
            if (!claim.hash().equals(slot.hash)) {
                reject(body, slot, List.of(Violation.of("id", "id " + slot.id() + " was already used for an activity"
                        + " with other content; a correction is a retraction of that activity and a new report with a"
                        + " new id")), true);
            } else if (confirmed.contains(claim.batch())) {
                slot.status = ItemResult.Status.DUPLICATE;
            } else {
                slot.republish = true;
                slot.claimId = claim.id();
                slot.published = claim.report();
            }
        }
    }

    /** A repeat within the body is refused when its first occurrence is, e.g. because the id was used before. */
    private static void shareTheFateOfTheFirstOccurrence(IntakeBody body, List<Slot> slots) {
        for (Slot slot : slots) {
            if (slot.sameAs != null && slot.sameAs.status == ItemResult.Status.REJECTED) {
                reject(body, slot, List.of(Violation.of("id", "id " + slot.id() + " repeats " + where(slot.sameAs.item)
                        + ", which was rejected")), slot.sameAs.conflict);
            }
        }
    }

    /** 400 (or 409 when every problem is a reused id) if nothing can be used, or atomic and something is bad. */
    private static void requireAllUsable(IntakeBody body, List<Slot> slots, boolean atomic) {
        List<Slot> rejected = slots.stream().filter(slot -> slot.status == ItemResult.Status.REJECTED).toList();
        boolean nothingUsable = rejected.size() == slots.size();
        if (rejected.isEmpty() || (!atomic && !nothingUsable)) {
            return;
        }
        List<ProblemError> errors = rejected.stream().flatMap(slot -> slot.errors.stream()).toList();
        boolean onlyConflicts = rejected.stream().allMatch(slot -> slot.conflict);
        String detail = atomic && !nothingUsable
                ? "atomic=true: nothing was accepted because " + rejected.size() + " of " + slots.size()
                        + " activities were rejected."
                : (slots.size() == 1 ? "The activity was rejected." : "All " + slots.size() + " activities were rejected.");
        throw ApplicationException.of(onlyConflicts ? Kind.CONFLICT : Kind.INVALID,
                onlyConflicts ? "intake.ids-reused" : "intake.rejected", detail, rejected.size(), slots.size())
                .withErrors(errors);
    }

    private static void reject(IntakeBody body, Slot slot, List<Violation> violations, boolean conflict) {
        slot.status = ItemResult.Status.REJECTED;
        slot.conflict = conflict;
        violations.forEach(v -> slot.errors.add(body.error(slot.item, v)));
    }

    /** The site each open item's id was sent for: ids are the site's own. */
    private static Map<UUID, SiteId> openSites(List<Slot> slots) {
        Map<UUID, SiteId> sites = new HashMap<>();
        slots.stream().filter(Slot::open).forEach(slot -> sites.put(slot.id(), slot.checked.report().siteId()));
        return sites;
    }

    private static String where(IntakeBody.Item item) {
        return item.line() != null ? "line " + item.line() : "item " + item.index();
    }
}
