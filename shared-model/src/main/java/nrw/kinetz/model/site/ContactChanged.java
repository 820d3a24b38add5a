package nrw.kinetz.model.site;

import java.util.Objects;

import nrw.kinetz.model.SiteId;

/**
 * A site's contact was set ({@code nrw.ki.site.contact-changed.v1} on {@code ki.sites.v1}, subject and key =
 * site id). Carries the complete new contact.
 *
 * @param siteId  the site
 * @param contact the complete new contact
 */
public record ContactChanged(SiteId siteId, Contact contact) {

    public ContactChanged {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(contact, "contact");
    }
}
