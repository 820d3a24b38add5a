package nrw.kinetz.reporting.catalog.adapter;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>What changed is announced per poll ({@link MongoCatalogOfferings#announced}), not marked in each offering: the
 * relay reads the announcements, then the offerings they name, and once it has fed those it removes the announcements
 * it read, in one write — where a mark cleared per offering was one more update of every changed offering per poll. A
 * change written after the offerings were read comes with an announcement of its own, so it is fed too. The
 * announcements a read took are remembered with the changes it returned, on the reading thread (the relay reads and
 * settles in one round, on one thread); they are removed only for exactly those changes.
 */
public final class CatalogChanges implements ChangeSource {

    public static final String ORIGIN = "catalog";
    private static final String KEY_PREFIX = "catalog/";

    private final MongoCatalogOfferings offerings;
    /** The announcements the last read on this thread took, with the changes it returned. */
    private final ThreadLocal<Read> lastRead = new ThreadLocal<>();

    public CatalogChanges(MongoCatalogOfferings offerings) {
        this.offerings = offerings;
    }

    public static String key(String offeringId) {
        return KEY_PREFIX + offeringId;
    }

    @Override
    public List<Change> pending(int limit) {
        return read(limit);
    }

    /** Any offering of the catalog named: what is announced, oldest first, about as many offerings as were named. */
    @Override
    public List<Change> pending(Collection<String> keys) {
        int named = (int) keys.stream().filter(k -> k.startsWith(KEY_PREFIX)).count();
        return named == 0 ? List.of() : read(named);
    }

    @Override
    public long pendingCount() {
        return offerings.announcedCount();
    }

    @Override
    public void fed(List<Change> changes) {
        Read read = lastRead.get();
        lastRead.remove();
        if (read != null && read.returned(changes)) {
            offerings.settle(read.announcements());
        }
    }

    private List<Change> read(int limit) {
        MongoCatalogOfferings.Announced announced = offerings.announced(limit);
        // Offerings whose details have not arrived have nothing to feed; the record that brings them announces them again.
        List<Change> changes = announced.offerings().stream().filter(o -> o.month() != null).map(CatalogChanges::change).toList();
        if (changes.isEmpty()) {
            offerings.settle(announced.announcements());
            lastRead.remove();
        } else {
            lastRead.set(new Read(announced.announcements(), changes));
        }
        return changes;
    }

    /** A read: the announcements it took and the changes it returned for them. */
    private record Read(List<Object> announcements, List<Change> changes) {

        /** @return whether {@code fed} are exactly the changes this read returned, the same objects */
        boolean returned(List<Change> fed) {
            if (fed.size() != changes.size()) {
                return false;
            }
            Set<Change> mine = Collections.newSetFromMap(new IdentityHashMap<>());
            mine.addAll(changes);
            return fed.stream().allMatch(mine::contains);
        }
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
