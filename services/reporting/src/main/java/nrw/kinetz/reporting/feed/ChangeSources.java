package nrw.kinetz.reporting.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Several read models (activities, the catalog) feeding one feed: their changes in turn, and each change marked
 * fed in the read model that owns it.
 */
public final class ChangeSources implements ChangeSource {

    private final List<ChangeSource> sources;

    public ChangeSources(List<ChangeSource> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public List<Change> pending(int limit) {
        List<Change> changes = new ArrayList<>();
        for (ChangeSource source : sources) {
            if (changes.size() >= limit) {
                break;
            }
            changes.addAll(source.pending(limit - changes.size()));
        }
        return changes;
    }

    @Override
    public long pendingCount() {
        return sources.stream().mapToLong(ChangeSource::pendingCount).sum();
    }

    @Override
    public List<Change> pending(Collection<String> keys) {
        List<Change> changes = new ArrayList<>();
        sources.forEach(source -> changes.addAll(source.pending(keys)));
        return changes;
    }

    @Override
    public void fed(List<Change> changes) {
        for (ChangeSource source : sources) {
            List<Change> owned = changes.stream().filter(source::owns).toList();
            if (!owned.isEmpty()) {
                source.fed(owned);
            }
        }
    }
}
