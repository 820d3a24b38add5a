package nrw.kinetz.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class EmbeddedTestInfrastructureTests {

    @Test
    void theStoreKeepsItsDataInMemoryUnlessH2IsAskedFor() throws Exception {
        assertThat(EmbeddedTestInfrastructure.storeDirectory("memory")).isNull();

        Path h2 = EmbeddedTestInfrastructure.storeDirectory("H2");
        try {
            assertThat(h2).isDirectory();
            assertThat(Files.list(h2)).as("a fresh directory").isEmpty();
        } finally {
            Files.deleteIfExists(h2);
        }
    }

    @Test
    void anUnknownStoreIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> EmbeddedTestInfrastructure.storeDirectory("postgres"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'postgres'").hasMessageContaining(EmbeddedTestInfrastructure.STORE)
                .hasMessageContaining("memory or h2");
    }
}
