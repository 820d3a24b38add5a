package nrw.kinetz.model.reference;

import java.util.Objects;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.TerritoryKind;

/**
 * The fixed facts about one KI site, as published by the state: the seed for the site registry, the
 * client list of the devstack's authorization server and the labels of every report.
 *
 * @param siteId           the site's id (district key, or 05334002 for the city of Aachen)
 * @param name             the name people use, e.g. "Kreis Soest"
 * @param territoryKind    what kind of territory the KI serves
 * @param regierungsbezirk the government region; always the one of {@code districtKey}
 * @param districtKey      the district the site lies in; always the first five digits of {@code siteId}
 * @param population       population of the territory served, Destatis 31.12.2018
 */
public record KiSiteReference(SiteId siteId, String name, TerritoryKind territoryKind,
        Regierungsbezirk regierungsbezirk, DistrictKey districtKey, long population) {

    /**
     * Redundant fields are cross-checked so that a wrong row in the reference data fails when it is
     * loaded instead of showing up as a site counted in the wrong region.
     *
     * @throws IllegalArgumentException if a field is missing or the fields contradict each other
     */
    public KiSiteReference {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(territoryKind, "territoryKind");
        Objects.requireNonNull(regierungsbezirk, "regierungsbezirk");
        Objects.requireNonNull(districtKey, "districtKey");
        if (name.isBlank()) {
            throw new IllegalArgumentException("site " + siteId + ": name is blank");
        }
        if (!siteId.districtKey().equals(districtKey)) {
            throw new IllegalArgumentException("site " + siteId + " lies in district " + siteId.districtKey()
                    + ", not " + districtKey);
        }
        if (districtKey.regierungsbezirk() != regierungsbezirk) {
            throw new IllegalArgumentException("district " + districtKey + " belongs to Regierungsbezirk "
                    + districtKey.regierungsbezirk().label() + ", not " + regierungsbezirk.label());
        }
        if (population <= 0) {
            throw new IllegalArgumentException("site " + siteId + ": population must be positive, was " + population);
        }
    }
}
