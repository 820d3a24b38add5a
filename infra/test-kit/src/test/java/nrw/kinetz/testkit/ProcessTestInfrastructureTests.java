package nrw.kinetz.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProcessTestInfrastructureTests {

    @Test
    void theProcessRunsOnThisJavaWithTheGivenOptionsClassPathAndStore() {
        assertThat(ProcessTestInfrastructure.command(Path.of("/jdk/bin/java"), " -Xms6g  -Xmx6g ", "a.jar:b.jar", "h2"))
                .containsExactly("/jdk/bin/java", "-Xms6g", "-Xmx6g", "-cp", "a.jar:b.jar",
                        "nrw.kinetz.testkit.InfrastructureProcess", "--store", "h2");
    }

    @Test
    void withoutOptionsTheProcessGetsTheJavaDefaults() {
        assertThat(ProcessTestInfrastructure.command(Path.of("java"), "", "cp", "memory"))
                .containsExactly("java", "-cp", "cp", "nrw.kinetz.testkit.InfrastructureProcess", "--store", "memory");
    }

    @Test
    void theClassPathIsTheTestsOwnNotSurefiresManifestJar() {
        assertThat(ProcessTestInfrastructure.classPath()).contains("test-classes").contains("embedded-infra");
    }
}
