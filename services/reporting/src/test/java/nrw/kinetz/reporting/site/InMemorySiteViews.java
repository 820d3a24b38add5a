package nrw.kinetz.reporting.site;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import nrw.kinetz.model.SiteId;

/** The sites read model in a map, with the same predecessor rule as the MongoDB store. */
public final class InMemorySiteViews implements SiteViews {

    private final Map<String, SiteView> views = new TreeMap<>();
    private int writes;

    @Override
    public Optional<SiteView> find(SiteId siteId) {
        return Optional.ofNullable(views.get(siteId.value()));
    }

    @Override
    public void save(SiteView view) {
        long stored = find(view.siteId()).map(SiteView::revision).orElse(0L);
        if (stored != view.revision() - 1) {
            throw new IllegalStateException("stored revision " + stored + " is not the predecessor of " + view.revision());
        }
        views.put(view.siteId().value(), view);
        writes++;
    }

    @Override
    public List<SiteView> registered() {
        return views.values().stream().filter(SiteView::isRegistered)
                .sorted(Comparator.comparing(v -> v.siteId().value())).toList();
    }

    /** Counts stores, so a test can tell "skipped" from "written with the same content". */
    public int writes() {
        return writes;
    }
}
