package nrw.kinetz.intake.push;

import java.io.PrintWriter;

/**
 * The progress bar on standard error: a bar redrawn in place on a terminal, one line per batch otherwise
 * (logs of scheduled jobs stay readable).
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final long total;
    private final Messages messages;

    Progress(PrintWriter err, boolean terminal, long total, Messages messages) {
        this.err = err;
        this.terminal = terminal;
        this.total = Math.max(1, total);
        this.messages = messages;
    }

    void update(long position, PushReport report, String note) {
        int percent = (int) Math.min(100, position * 100 / total);
        String counts = messages.text("progress.counts", report.accepted() + report.valid(), report.duplicate(), report.rejected());
        if (terminal) {
            int filled = percent * WIDTH / 100;
            err.printf("\r[%s%s] %3d%%  %s%s", "#".repeat(filled), " ".repeat(WIDTH - filled), percent, counts,
                    note == null ? "" : "  " + note);
        } else {
            err.printf("%3d%%  %s%s%n", percent, counts, note == null ? "" : "  " + note);
        }
        err.flush();
    }

    void waiting(String message) {
        if (terminal) {
            err.printf("\r%s", message);
        } else {
            err.println(message);
        }
        err.flush();
    }

    void done() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
