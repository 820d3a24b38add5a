package nrw.kinetz.reporting.catalog.adapter;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.Period;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.reporting.catalog.adapter.MongoCatalogOfferings.OfferingDocument;
import nrw.kinetz.reporting.feed.Change;
import nrw.kinetz.reporting.feed.ChangeSource;
import nrw.kinetz.reporting.catalog.adapter.MongoCatalogOfferings;

/**
 * The catalog's offerings that changed since they were last fed, as changes for the feed, the live stream and
 * {@code laki.aggregates.v1}: one aggregate per offering ({@code catalog/<offering id>}), its period the month of
 * its first session, its coordinates the catalog's groupings (without site and Regierungsbezirk for the LaKI's own
 * offerings: a dimension that does not apply is absent), its values exact. A cancelled offering is fed once more
 * with zeros, so that consumers adding up the feed drop it.
 */
public final class CatalogChanges implements ChangeSource {

    public static final String ORIGIN = "catalog";
    private static final String KEY_PREFIX = "catalog/";

    private final MongoCatalogOfferings offerings;

    public CatalogChanges(MongoCatalogOfferings offerings) {
        this.offerings = offerings;
    }

    public static String key(String offeringId) {
        return KEY_PREFIX + offeringId;
    }

    @Override
    public List<Change> pending(int limit) {
        return offerings.dirty(null, limit).stream().map(CatalogChanges::change).toList();
    }

    @Override
    public List<Change> pending(Collection<String> keys) {
        List<String> ids = keys.stream().filter(k -> k.startsWith(KEY_PREFIX)).map(k -> k.substring(KEY_PREFIX.length())).toList();
        return ids.isEmpty() ? List.of() : offerings.dirty(ids, ids.size()).stream().map(CatalogChanges::change).toList();
    }

    @Override
    public void fed(List<Change> changes) {
        Map<String, Long> revisions = new LinkedHashMap<>();
        changes.forEach(change -> revisions.put(change.key().substring(KEY_PREFIX.length()), change.revision()));
        offerings.fed(revisions);
    }

    @Override
    public boolean owns(Change change) {
        return CatalogMeasure.NAME.equals(change.measure());
    }

    private static Change change(OfferingDocument offering) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("offeringType", offering.type());
        dimensions.put("focusArea", offering.focusArea());
        dimensions.put("field", FocusArea.valueOf(offering.focusArea()).field().name());
        if (offering.organiserSite() != null) {
            dimensions.put("site", offering.organiserSite());
            dimensions.put("regierungsbezirk", SiteId.of(offering.organiserSite()).regierungsbezirk().code());
        }
        dimensions.put("month", offering.month());
        return new Change(ORIGIN, key(offering.id()), offering.revision(), CatalogMeasure.NAME, Period.parse(offering.month()),
                dimensions, CatalogMeasure.exact(offering));
    }
}
