package nrw.kinetz.reporting.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeedCursorTests {

    @Test
    void aCursorIsTheSequenceAsDecimalText() {
        assertThat(FeedCursor.format(42)).isEqualTo("42");
        assertThat(FeedCursor.parse(" 42 ")).isEqualTo(42);
        assertThat(FeedCursor.parse("0")).isEqualTo(FeedCursor.START);
    }

    @Test
    void anythingElseIsRefusedWithAHint() {
        for (String bad : new String[] {"", "-1", "4x", "1e3", "9999999999999999999"}) {
            assertThatThrownBy(() -> FeedCursor.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a feed cursor");
        }
    }
}
