package nrw.kinetz.sites.site.domain;

import java.util.Objects;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.TerritoryKind;

/**
 * What a site is, as opposed to where it stands: fixed reference data. District key and Regierungsbezirk
 * are derived from the site id, so they cannot contradict it.
 *
 * @param siteId        the site's id
 * @param name          the name people use, e.g. "Kreis Soest"
 * @param territoryKind what kind of territory the KI serves
 * @param population    population of the territory served
 */
public record SiteIdentity(SiteId siteId, String name, TerritoryKind territoryKind, long population) {

    static final int MAX_NAME = 120;

    /** @throws SiteRuleViolation for a blank or overlong name or a population that is not positive */
    public SiteIdentity {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(territoryKind, "territoryKind");
        if (name == null || name.isBlank()) {
            throw new SiteRuleViolation("name", "name is required, e.g. \"Kreis Soest\"");
        }
        name = name.strip();
        if (name.length() > MAX_NAME) {
            throw new SiteRuleViolation("name", "name has at most " + MAX_NAME + " characters");
        }
        if (population <= 0) {
            throw new SiteRuleViolation("population", "population must be positive, was " + population);
        }
    }

    public DistrictKey districtKey() {
        return siteId.districtKey();
    }

    public Regierungsbezirk regierungsbezirk() {
        return siteId.regierungsbezirk();
    }
}
