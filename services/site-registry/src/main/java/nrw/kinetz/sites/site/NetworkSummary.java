package nrw.kinetz.sites.site;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.sites.site.domain.Site;

/**
 * How many sites stood at which step on one day: the figure behind "47 of 53 KIs established". A site counts
 * from the day of its first step; sites that had not entered the registry yet are not in {@code total}.
 *
 * @param asOf     the day, at its end
 * @param total    sites that existed on that day
 * @param byStatus sites per status on that day, every status present
 */
record NetworkSummary(LocalDate asOf, int total, Map<SiteStatus, Integer> byStatus) {

    static NetworkSummary of(List<Site> sites, LocalDate asOf) {
        Map<SiteStatus, Integer> byStatus = new EnumMap<>(SiteStatus.class);
        for (SiteStatus status : SiteStatus.values()) {
            byStatus.put(status, 0);
        }
        int total = 0;
        for (Site site : sites) {
            var status = site.lifecycle().statusOn(asOf);
            if (status.isPresent()) {
                byStatus.merge(status.get(), 1, Integer::sum);
                total++;
            }
        }
        return new NetworkSummary(asOf, total, byStatus);
    }
}
