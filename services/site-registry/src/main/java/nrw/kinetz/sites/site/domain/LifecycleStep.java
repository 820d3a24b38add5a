package nrw.kinetz.sites.site.domain;

import java.time.LocalDate;
import java.util.Objects;

import nrw.kinetz.model.SiteStatus;

/**
 * One step a site has taken, with the day the paper behind it is dated (Grundsatzentscheidung,
 * Zuwendungsbescheid, …).
 */
public record LifecycleStep(SiteStatus status, LocalDate since) {

    public LifecycleStep {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
    }
}
