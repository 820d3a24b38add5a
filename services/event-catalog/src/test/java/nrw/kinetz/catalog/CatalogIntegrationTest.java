package nrw.kinetz.catalog;

/** Settings every integration test of this service shares, so that all of them run in one cached context. */
public final class CatalogIntegrationTest {

    /** A short poll, so that recovery tests do not wait for the production interval, and a short stop. */
    public static final String POLL = "kinetz.catalog.worker.poll-interval=300ms";
    public static final String STOP = "kinetz.catalog.worker.stop-timeout=1s";
    public static final String SECRET = "kinetz.catalog.links.secret=test-secret-for-links";

    private CatalogIntegrationTest() {
    }
}
