package nrw.kinetz.reporting.activity;

/** The listener that feeds live events into the active generation; a rebuild hands it over to the next one. */
interface LiveIngestion {

    /** @return the consumer group of a generation's live listener */
    String groupId(Generation generation);

    /** Starts consuming into {@code generation} from its group's committed offsets. */
    void start(Generation generation);

    /** Stops consuming; returns when the last batch is written and committed. */
    void stop();
}
