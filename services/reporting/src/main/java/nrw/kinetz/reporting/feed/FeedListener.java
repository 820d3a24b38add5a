package nrw.kinetz.reporting.feed;

import java.util.List;

/** Told by the {@link FeedRelay} of this instance about entries it has just appended, in order. */
public interface FeedListener {

    public void appended(List<FeedEntry> entries);
}
