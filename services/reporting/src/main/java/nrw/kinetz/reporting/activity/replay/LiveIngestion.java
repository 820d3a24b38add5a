package nrw.kinetz.reporting.activity.replay;

import nrw.kinetz.reporting.activity.model.Generation;

/**
 * The listener that feeds live events into the writable generation. It follows the shared generation pointer on
 * every instance: it stops writing when a rebuild begins its handover and continues in the new generation when
 * the rebuild activates it.
 */
public interface LiveIngestion {

    /** @return the consumer group of a generation's live listener */
    public String groupId(Generation generation);

    /** Re-reads the pointer now rather than at its next check, and consumes into what it names (or nothing). */
    public void follow();
}
