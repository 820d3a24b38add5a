package nrw.kinetz.reporting.site;

import java.util.List;
import java.util.Optional;

import nrw.kinetz.model.SiteId;

/** Where the site views are kept: the read model "sites". */
public interface SiteViews {

    public Optional<SiteView> find(SiteId siteId);

    /**
     * Stores {@code view} over its predecessor: the stored revision must be {@code view.revision() - 1} (no
     * document for revision 1). A concurrent writer makes this fail instead of losing an update; the
     * redelivery that follows finds the event applied or applies it on the newer view.
     *
     * @throws RuntimeException if the stored view is not the predecessor
     */
    public void save(SiteView view);

    /** @return every site a registration has arrived for, ordered by site id */
    public List<SiteView> registered();
}
