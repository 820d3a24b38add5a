package nrw.kinetz.sites.site;

/** Settings every integration test of this service shares, so that all of them run in one cached context. */
final class SiteRegistryIntegrationTest {

    /**
     * A short poll, so that the crash-recovery tests do not wait for the production interval, and a short
     * stop, because at JVM exit the broker and the store stop at the same time as the service.
     */
    static final String POLL = "kinetz.sites.relay.poll-interval=300ms";
    static final String STOP = "kinetz.sites.relay.stop-timeout=1s";

    private SiteRegistryIntegrationTest() {
    }
}
