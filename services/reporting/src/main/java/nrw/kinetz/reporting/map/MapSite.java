package nrw.kinetz.reporting.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;

/**
 * One KI on the district map: where its tile is and what the map needs beside the aggregates — the population it
 * serves (for rates per 1,000 inhabitants) and its status. The city of Aachen's own KI sits inside the tile of the
 * Städteregion Aachen ({@code insideDistrict}); the Städteregion's KI then serves the Städteregion without the city.
 *
 * @param site             the site id, e.g. {@code 05974} or {@code 05334002}
 * @param name             e.g. "Kreis Soest", "Stadt Aachen"
 * @param code             the tile's short name, e.g. {@code SO}; the city of Aachen's is {@code AC-Stadt}
 * @param districtKey      the district the site lies in
 * @param regierungsbezirk e.g. "Arnsberg"
 * @param column           the district tile's column
 * @param row              the district tile's row
 * @param insideDistrict   {@code true} for a KI shown inside another KI's district tile (the city of Aachen)
 * @param population       inhabitants of the territory the KI serves (Destatis, 31.12.2018)
 * @param status           the status code, {@code null} before the registry named one
 * @param statusLabel      its German label, {@code null} likewise
 */
public record MapSite(String site, String name, String code, String districtKey, String regierungsbezirk, int column,
        int row, boolean insideDistrict, long population, String status, String statusLabel) {

    /** @return the 54 KIs in site-id order, with the status {@code statuses} knows */
    public static List<MapSite> all(Function<SiteId, Optional<SiteStatus>> statuses) {
        List<MapSite> sites = new ArrayList<>();
        for (KiSiteReference reference : KiSites.all()) {
            String district = reference.districtKey().value();
            DistrictTiles.Tile tile = DistrictTiles.of(district)
                    .orElseThrow(() -> new IllegalStateException("no map tile for district " + district));
            boolean inside = reference.territoryKind() == TerritoryKind.STADT_IN_STAEDTEREGION;
            Optional<SiteStatus> status = statuses.apply(reference.siteId());
            sites.add(new MapSite(reference.siteId().value(), reference.name(), inside ? tile.code() + "-Stadt" : tile.code(),
                    district, reference.regierungsbezirk().label(), tile.column(), tile.row(), inside, served(reference),
                    status.map(SiteStatus::name).orElse(null), status.map(SiteStatus::label).orElse(null)));
        }
        return sites;
    }

    /** A district's KI serves the district less any town inside it that runs a KI of its own. */
    private static long served(KiSiteReference reference) {
        if (reference.territoryKind() == TerritoryKind.STADT_IN_STAEDTEREGION) {
            return reference.population();
        }
        long towns = KiSites.all().stream()
                .filter(other -> other.territoryKind() == TerritoryKind.STADT_IN_STAEDTEREGION)
                .filter(other -> other.districtKey().equals(reference.districtKey()))
                .mapToLong(KiSiteReference::population).sum();
        return reference.population() - towns;
    }
}
