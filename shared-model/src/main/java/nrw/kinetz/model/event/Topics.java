package nrw.kinetz.model.event;

import java.util.List;

/**
 * The Kafka topics of the public contract (docs/architecture.md#events). A breaking payload change gets a new
 * topic version; additive changes keep the name.
 */
public final class Topics {

    /** Activities pushed by KI systems; key = site id. */
    public static final String ACTIVITIES = "ki.activities.v1";
    /** Site registry decisions; key = site id. */
    public static final String SITES = "ki.sites.v1";
    /** Grants, measures and reports; key = site id. */
    public static final String PROGRAMS = "ki.programs.v1";
    /** Trainings and network meetings; key = offering id. */
    public static final String CATALOG = "ki.catalog.v1";
    /** The LaKI's compacted feed of current aggregates; key = aggregate key. */
    public static final String AGGREGATES = "laki.aggregates.v1";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** Every domain topic (without dead letters). */
    public static List<String> all() {
        return List.of(ACTIVITIES, SITES, PROGRAMS, CATALOG, AGGREGATES);
    }

    /** The dead-letter topic of {@code topic}: where poison records go after bounded retries. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }
}
