package nrw.kinetz.testkit;

import java.util.List;

/** Chooses the infrastructure by the {@value TestInfrastructure#SWITCH} switch and announces it once. */
final class Modes {

    static final String EMBEDDED = "embedded";

    static final String CONTAINERS = "containers";

    static final String PROCESS = "process";

    private static TestInfrastructure announced;

    private Modes() {
    }

    static TestInfrastructure shared(String mode) {
        TestInfrastructure infrastructure = switch (mode) {
            case EMBEDDED -> EmbeddedTestInfrastructure.instance();
            case CONTAINERS -> ContainerTestInfrastructure.instance();
            case PROCESS -> ProcessTestInfrastructure.instance();
            default -> throw new IllegalStateException(TestInfrastructure.SWITCH + "=" + mode + " is not a mode; known: "
                    + List.of(EMBEDDED, CONTAINERS, PROCESS));
        };
        announce(infrastructure);
        return infrastructure;
    }

    private static synchronized void announce(TestInfrastructure infrastructure) {
        if (announced != infrastructure) {
            announced = infrastructure;
            System.out.println("KI-Netz test infrastructure: " + infrastructure.description());
        }
    }
}
