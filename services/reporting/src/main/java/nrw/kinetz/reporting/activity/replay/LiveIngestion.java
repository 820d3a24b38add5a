package nrw.kinetz.reporting.activity.replay;

import nrw.kinetz.reporting.activity.model.Generation;

/** The listener that feeds live events into the active generation; a rebuild hands it over to the next one. */
public interface LiveIngestion {

    /** @return the consumer group of a generation's live listener */
    public String groupId(Generation generation);

    /** Starts consuming into {@code generation} from its group's committed offsets. */
    public void start(Generation generation);

    /** Stops consuming; returns when the last batch is written and committed. */
    public void stop();
}
