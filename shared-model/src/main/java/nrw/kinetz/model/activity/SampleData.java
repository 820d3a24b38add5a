package nrw.kinetz.model.activity;

/**
 * How sample data is told from real reports: an activity whose {@code note} begins with {@link #NOTE_PREFIX} was
 * invented by the devstack's demo ({@code ./kinetz demo}). The convention lives in a field every consumer already
 * reads, so it needs no change to the contract; reporting uses it to label its dashboard "Beispieldaten" while such
 * activities are counted. A real KI never writes the prefix.
 */
public final class SampleData {

    /** The first characters of the note of every sample activity. */
    public static final String NOTE_PREFIX = "[Beispieldaten]";

    private SampleData() {
    }

    /** @return {@code note} marked as sample data, e.g. {@code "[Beispieldaten] Griffbereit-Gruppe"} */
    public static String note(String text) {
        return NOTE_PREFIX + " " + text;
    }

    /** @return whether the report was invented by the demo */
    public static boolean isSample(ActivityReported report) {
        return report.note() != null && report.note().startsWith(NOTE_PREFIX);
    }
}
