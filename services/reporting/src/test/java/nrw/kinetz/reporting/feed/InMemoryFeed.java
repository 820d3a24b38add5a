package nrw.kinetz.reporting.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The feed in memory, for tests of what reads and writes it. */
public final class InMemoryFeed implements Feed {

    public final List<FeedEntry> entries = new ArrayList<>();
    /** What every append was told is not in the feed yet, in order. */
    public final List<Set<String>> absentGiven = new ArrayList<>();
    /** How often {@link #after} was asked. */
    public int reads;
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Long> progress = new HashMap<>();

    @Override
    public List<FeedEntry> append(List<Change> changes, Instant now) {
        List<FeedEntry> appended = new ArrayList<>();
        for (Change change : changes) {
            if (ids.add(change.changeId())) {
                FeedEntry entry = new FeedEntry(entries.size() + 1, change.changeId(), change.key(), change.measure(),
                        change.period(), change.dimensions(), change.values(), now);
                entries.add(entry);
                appended.add(entry);
            }
        }
        return appended;
    }

    @Override
    public List<FeedEntry> append(List<Change> changes, Set<String> absent, Instant now) {
        absentGiven.add(Set.copyOf(absent));
        return append(changes, now);
    }

    @Override
    public List<FeedEntry> after(long sequence, int limit) {
        reads++;
        return entries.stream().filter(e -> e.sequence() > sequence).limit(limit).toList();
    }

    @Override
    public long last() {
        return entries.size();
    }

    @Override
    public long progress(String relay) {
        return progress.getOrDefault(relay, FeedCursor.START);
    }

    @Override
    public void saveProgress(String relay, long sequence) {
        progress.put(relay, sequence);
    }
}
