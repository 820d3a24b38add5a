package nrw.kinetz.model.event;

import java.net.URI;
import java.util.regex.Pattern;

import nrw.kinetz.model.SiteId;

/**
 * Builds {@code ce_source} values: {@code /ki/<siteId>} for what a KI pushed, {@code /services/<service>}
 * for what a service decided.
 */
public final class EventSource {

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]*");

    private EventSource() {
    }

    public static URI site(SiteId siteId) {
        return URI.create("/ki/" + siteId.value());
    }

    public static URI service(String serviceName) {
        if (serviceName == null || !SERVICE.matcher(serviceName).matches()) {
            throw new IllegalArgumentException("service name must be lower-case kebab-case: " + serviceName);
        }
        return URI.create("/services/" + serviceName);
    }
}
