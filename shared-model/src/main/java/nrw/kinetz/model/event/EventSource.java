package nrw.kinetz.model.event;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import nrw.kinetz.model.SiteId;

/**
 * Builds {@code ce_source} values: {@code /ki/<siteId>} for what a KI pushed, {@code /services/<service>}
 * for what a service decided.
 */
public final class EventSource {

    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]*");
    /** By site id; bounded by the sites there are (a site id is an official municipal key). */
    private static final Map<String, URI> SITES = new ConcurrentHashMap<>();

    private EventSource() {
    }

    public static URI site(SiteId siteId) {
        // parsed once per site rather than once per event: the intake names the source of every activity it publishes
        return SITES.computeIfAbsent(siteId.value(), value -> URI.create("/ki/" + value));
    }

    public static URI service(String serviceName) {
        if (serviceName == null || !SERVICE.matcher(serviceName).matches()) {
            throw new IllegalArgumentException("service name must be lower-case kebab-case: " + serviceName);
        }
        return URI.create("/services/" + serviceName);
    }
}
