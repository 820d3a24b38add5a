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

    void print(PrintWriter out, Messages messages, String what, Duration took, boolean dryRun) {
        out.println(messages.text(batches == 1 ? "report.head.one" : "report.head.many", what, processed(), batches,
                took.toMillis() / 1000.0));
        // Indented in code: a properties file drops a value's leading blanks.
        out.println("  " + (dryRun ? messages.text("report.valid", valid) : messages.text("report.accepted", accepted)));
        out.println("  " + messages.text("report.duplicate", duplicate));
        out.println("  " + messages.text("report.rejected", rejected));
        List<Rejection> sorted = new ArrayList<>(rejections);
        sorted.sort(Comparator.comparingInt(Rejection::line));
        sorted.stream().limit(SHOWN_REJECTIONS).forEach(r -> out.println("    " + messages.text("report.line", r.line(), r.detail())));
        if (sorted.size() > SHOWN_REJECTIONS) {
            out.println("    " + messages.text("report.more", sorted.size() - SHOWN_REJECTIONS));
        }
        out.flush();
    }
}
