package nrw.kinetz.intake.activity;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import nrw.kinetz.infra.web.ProblemTexts;

/**
 * The answer to a report request: how many activities were accepted, were duplicates or were rejected, and
 * the outcome of each item in body order.
 *
 * @param received  number of activities in the body
 * @param accepted  published and acknowledged by Kafka
 * @param duplicate sent before with the same content; not counted again
 * @param rejected  refused; see the items' errors
 * @param valid     dry run only: would be accepted
 * @param dryRun    whether this was a dry run (nothing published)
 * @param atomic    whether all-or-nothing was asked for
 * @param items     one entry per activity, in body order
 */
record IntakeSummary(int received, int accepted, int duplicate, int rejected,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer valid, boolean dryRun, boolean atomic, List<ItemResult> items) {

    static IntakeSummary of(List<ItemResult> items, boolean dryRun, boolean atomic) {
        int[] counts = new int[ItemResult.Status.values().length];
        items.forEach(item -> counts[item.status().ordinal()]++);
        return new IntakeSummary(items.size(), counts[ItemResult.Status.ACCEPTED.ordinal()],
                counts[ItemResult.Status.DUPLICATE.ordinal()], counts[ItemResult.Status.REJECTED.ordinal()],
                dryRun ? counts[ItemResult.Status.VALID.ordinal()] : null, dryRun, atomic, List.copyOf(items));
    }

    /** This summary with the items' errors in {@code language} (as problem details are, {@link ProblemTexts}). */
    IntakeSummary in(Locale language) {
        if (items.stream().allMatch(item -> item.errors().isEmpty())) {
            return this; // nothing to translate
        }
        ProblemTexts texts = ProblemTexts.standard();
        return new IntakeSummary(received, accepted, duplicate, rejected, valid, dryRun, atomic, items.stream()
                .map(item -> new ItemResult(item.index(), item.line(), item.id(), item.status(), texts.translate(item.errors(), language)))
                .toList());
    }
}
