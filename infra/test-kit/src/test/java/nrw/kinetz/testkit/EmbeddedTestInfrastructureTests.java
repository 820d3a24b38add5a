package nrw.kinetz.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nrw.kinetz.infra.embedded.EmbeddedMongo;

class EmbeddedTestInfrastructureTests {

    @Test
    void theStoreKeepsItsDataInMemoryUnlessH2IsAskedFor() {
        try (EmbeddedMongo memory = EmbeddedTestInfrastructure.store("memory");
                EmbeddedMongo h2 = EmbeddedTestInfrastructure.store("H2")) {
            assertThat(memory.toString()).contains("in memory");
            assertThat(h2.toString()).doesNotContain("in memory").contains("kinetz-store-");
        }
    }

    @Test
    void anUnknownStoreIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> EmbeddedTestInfrastructure.store("postgres"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'postgres'").hasMessageContaining(EmbeddedTestInfrastructure.STORE)
                .hasMessageContaining("memory or h2");
    }
}
