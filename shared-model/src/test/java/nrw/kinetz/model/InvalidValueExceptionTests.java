package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTests {

    @Test
    void isAnIllegalArgumentExceptionSoExistingBadRequestHandlingApplies() {
        assertThat(new InvalidValueException("bad", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheRejectedInputExactlyAsReceived() {
        InvalidValueException e = new InvalidValueException("' 0597 ' is not a district key", " 0597 ");

        assertThat(e.value()).isEqualTo(" 0597 ");
        assertThat(e.getMessage()).isEqualTo("' 0597 ' is not a district key");
    }

    @Test
    void aMissingInputIsKeptAsNull() {
        assertThat(new InvalidValueException("a district key is required", null).value()).isNull();
    }
}
