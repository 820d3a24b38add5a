package nrw.kinetz.model.site;

import java.time.LocalDate;
import java.util.Objects;

import nrw.kinetz.model.DistrictKey;
import nrw.kinetz.model.Regierungsbezirk;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;

/**
 * A KI site was registered in the network ({@code nrw.ki.site.registered.v1} on {@code ki.sites.v1},
 * subject and key = site id). Carries the complete identity, so a consumer needs no earlier state.
 *
 * @param siteId           the site's id: its district key, or 05334002 for the city of Aachen's KI
 * @param name             the site's name as people say it, e.g. "Kreis Soest"
 * @param territoryKind    what kind of territory the KI serves
 * @param regierungsbezirk the government region, derived from the district key
 * @param districtKey      the official district key (AGS, 5 digits) the site lies in
 * @param population       population of the territory served (Destatis, 31.12.2018)
 * @param status           the lifecycle status at registration
 * @param statusSince      the day the site reached {@code status}; never in the future
 */
public record SiteRegistered(SiteId siteId, String name, TerritoryKind territoryKind, Regierungsbezirk regierungsbezirk,
        DistrictKey districtKey, long population, SiteStatus status, LocalDate statusSince) {

    public SiteRegistered {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(territoryKind, "territoryKind");
        Objects.requireNonNull(regierungsbezirk, "regierungsbezirk");
        Objects.requireNonNull(districtKey, "districtKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSince, "statusSince");
    }
}
