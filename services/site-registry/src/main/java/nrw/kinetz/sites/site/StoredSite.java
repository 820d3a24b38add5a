package nrw.kinetz.sites.site;

import java.util.Objects;

import nrw.kinetz.sites.site.domain.Site;

/**
 * A site as stored, with the version that changes on every stored change: it is the {@code ETag} of the
 * site, so a client proves with {@code If-Match} that it changes what it has seen.
 */
record StoredSite(Site site, long version) {

    StoredSite {
        Objects.requireNonNull(site, "site");
    }

    /** The strong entity tag of this version, quoted as HTTP wants it. */
    String etag() {
        return "\"" + version + "\"";
    }
}
