package nrw.kinetz.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModesTests {

    @Test
    void anUnknownModeIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Modes.shared("kubernetes"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("kinetz.test.infrastructure=kubernetes is not a mode; known: [embedded, containers, process]");
    }

    @Test
    void theContainersModeUsesTheBrokerOfTheClientsVersionAndAMongoReplicaSet() {
        assertThat(ContainerTestInfrastructure.KAFKA_IMAGE)
                .isEqualTo("apache/kafka:" + org.apache.kafka.common.utils.AppInfoParser.getVersion());
        assertThat(ContainerTestInfrastructure.MONGO_IMAGE).startsWith("mongo:");
        assertThat(ContainerTestInfrastructure.NO_DOCKER).contains("needs a Docker engine").contains("without -Pcontainers");
    }
}
