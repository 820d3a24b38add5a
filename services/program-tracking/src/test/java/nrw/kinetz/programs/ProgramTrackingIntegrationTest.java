package nrw.kinetz.programs;

/** Settings every integration test of this service shares, so that all of them run in one cached context. */
public final class ProgramTrackingIntegrationTest {

    /** A short relay poll and stop; no seeding, so each test sees only what it created. */
    public static final String POLL = "kinetz.programs.relay.poll-interval=300ms";
    public static final String STOP = "kinetz.programs.relay.stop-timeout=1s";
    public static final String NO_SEED = "kinetz.programs.seed.enabled=false";

    private ProgramTrackingIntegrationTest() {
    }
}
