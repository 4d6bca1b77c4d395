package io.promptmanager.core.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {
    @Test
    void showsMinorUnitsInTheCurrencysOwnDecimals() {
        assertThat(Money.of(5082, "usd").decimal()).isEqualByComparingTo("50.82");
        assertThat(Money.of(5082, "usd")).hasToString("50.82 USD");
        assertThat(Money.of(700, "jpy").decimal()).isEqualByComparingTo("700");
        assertThat(Money.of(1234, "kwd").decimal()).isEqualByComparingTo("1.234");
        assertThat(Money.of(99, "xyz").decimal()).as("unknown currencies count cents").isEqualByComparingTo("0.99");
    }

    @Test
    void refusesACurrencyThatIsNotThreeLowerCaseLetters() {
        assertThatThrownBy(() -> Money.of(1, "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(1, "usdollar")).isInstanceOf(IllegalArgumentException.class);
    }
}
