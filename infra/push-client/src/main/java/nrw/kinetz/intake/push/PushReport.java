package nrw.kinetz.intake.push;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What became of the file: counts, and every rejected activity with its line in the file. */
final class PushReport {

    /** One reason an activity of the file was rejected. */
    record Rejection(int line, String detail) {
    }

    static final int SHOWN_REJECTIONS = 100;

    private final List<Rejection> rejections = new ArrayList<>();
    private long accepted;
    private long duplicate;
    private long valid;
    private long rejected;
    private int batches;

    void accepted(int count) {
        accepted += count;
    }

    void duplicate(int count) {
        duplicate += count;
    }

    void valid(int count) {
        valid += count;
    }

    /** An activity rejected with one reason. */
    void rejected(int line, String detail) {
        rejected++;
        rejections.add(new Rejection(line, detail));
    }

    /** An activity rejected with several reasons: counted once, every reason listed. */
    void rejected(List<Rejection> reasons) {
        rejected++;
        rejections.addAll(reasons);
    }

    /** A whole batch refused: every activity counts as rejected, the reasons are the ones the intake gave. */
    void batchRejected(int items, List<Rejection> reasons) {
        rejected += items;
        rejections.addAll(reasons);
    }

    void batchSent() {
        batches++;
    }

    long accepted() {
        return accepted;
    }

    long duplicate() {
        return duplicate;
    }

    long rejected() {
        return rejected;
    }

    long valid() {
        return valid;
    }

    long processed() {
        return accepted + duplicate + rejected + valid;
    }

    List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    void print(PrintWriter out, String what, Duration took, boolean dryRun) {
        out.printf("%s: %,d activities in %d batch%s, %.1f s%n", what, processed(), batches, batches == 1 ? "" : "es",
                took.toMillis() / 1000.0);
        if (dryRun) {
            out.printf("  valid      %,9d  (dry run: nothing was sent on)%n", valid);
        } else {
            out.printf("  accepted   %,9d%n", accepted);
        }
        out.printf("  duplicate  %,9d  (sent before with the same content; counted once)%n", duplicate);
        out.printf("  rejected   %,9d%n", rejected);
        List<Rejection> sorted = new ArrayList<>(rejections);
        sorted.sort(Comparator.comparingInt(Rejection::line));
        sorted.stream().limit(SHOWN_REJECTIONS).forEach(r -> out.printf("    line %d: %s%n", r.line(), r.detail()));
        if (sorted.size() > SHOWN_REJECTIONS) {
            out.printf("    … and %,d more%n", sorted.size() - SHOWN_REJECTIONS);
        }
        out.flush();
    }
}
