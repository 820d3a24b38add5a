package nrw.kinetz.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemErrorTests {

    @Test
    void beanPathBecomesAJsonPointer() {
        assertThat(ProblemError.pointerOf("items[3].metrics.participants")).isEqualTo("/items/3/metrics/participants");
        assertThat(ProblemError.pointerOf("name")).isEqualTo("/name");
        assertThat(ProblemError.pointerOf("")).isEmpty();
    }

    @Test
    void slashAndTildeAreEscapedAsRfc6901Says() {
        assertThat(ProblemError.pointerOf("a/b.c~d")).isEqualTo("/a~1b/c~0d");
    }
}
