package nrw.kinetz.programs.grant;

import java.util.Objects;

import nrw.kinetz.programs.grant.domain.Grant;

/** A grant as stored, with the version that changes on every change: its {@code ETag}. */
record StoredGrant(Grant grant, long version) {

    StoredGrant {
        Objects.requireNonNull(grant, "grant");
    }

    String etag() {
        return "\"" + version + "\"";
    }
}
