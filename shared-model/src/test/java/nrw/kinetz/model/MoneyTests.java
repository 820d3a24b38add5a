package nrw.kinetz.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import nrw.kinetz.model.event.EventJson;

class MoneyTests {

    @Test
    void wireFormIsAStringWithExactlyTwoDecimals() {
        assertThat(Money.parse("15000").toString()).isEqualTo("15000.00");
        assertThat(Money.parse(" 99.5 ").cents()).isEqualTo(9950);
        assertThat(EventJson.mapper().writeValueAsString(Money.ofCents(1500000))).isEqualTo("\"15000.00\"");
        assertThat(EventJson.mapper().readValue("\"0.01\"", Money.class)).isEqualTo(Money.ofCents(1));
    }

    @Test
    void negativeAmountsAndThirdDecimalsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Money.parse("-1.00")).isInstanceOf(InvalidValueException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> Money.parse("10.005")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("more than two decimal places");
        assertThatThrownBy(() -> Money.parse("1.000,00")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.001"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void arithmeticIsExactToTheCent() {
        Money sum = Money.parse("0.10").plus(Money.parse("0.20"));
        assertThat(sum).isEqualTo(Money.parse("0.30"));
        assertThat(Money.parse("100.00").minus(Money.parse("99.99"))).isEqualTo(Money.ofCents(1));
        assertThat(Money.parse("100.01").exceeds(Money.parse("100.00"))).isTrue();
    }
}
