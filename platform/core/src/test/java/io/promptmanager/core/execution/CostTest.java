package io.promptmanager.core.execution;

import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugin.model.TokenUsage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostTest {
    private static final ModelPricing PRICES = new ModelPricing(new BigDecimal("0.0000025"),
            new BigDecimal("0.00001"), new BigDecimal("0.005"));

    @Test
    void keepsTheProvidersFigureExactlyAsReported() {
        Cost cost = Cost.of(new TokenUsage(1000, 1000, new BigDecimal("0.00012345678901234567"), false, null), PRICES);

        assertThat(cost.source()).isEqualTo(CostSource.PROVIDER);
        assertThat(cost.amount()).isEqualTo(new BigDecimal("0.00012345678901234567"));
    }

    @Test
    void estimatesFromTokensAndPricesWhenNoneIsReported() {
        Cost cost = Cost.of(new TokenUsage(1200, 300, null, false, null), PRICES);

        // 1200 × 0.0000025 + 300 × 0.00001 + 0.005
        assertThat(cost.source()).isEqualTo(CostSource.ESTIMATED);
        assertThat(cost.amount()).isEqualByComparingTo("0.011");
    }

    @Test
    void estimatesWithoutAPerRequestPrice() {
        Cost cost = Cost.of(new TokenUsage(10, 10, null, false, null),
                new ModelPricing(new BigDecimal("0.1"), new BigDecimal("0.2"), null));

        assertThat(cost.amount()).isEqualByComparingTo("3");
    }

    @Test
    void isUnknownWhenAPriceIsVariableOrMissing() {
        TokenUsage usage = new TokenUsage(10, 10, null, false, null);

        assertThat(Cost.of(usage, new ModelPricing(null, new BigDecimal("0.1"), null))).isEqualTo(Cost.UNKNOWN);
        assertThat(Cost.of(usage, null)).isEqualTo(Cost.UNKNOWN);
        assertThatThrownBy(() -> new Cost(null, CostSource.PROVIDER)).isInstanceOf(IllegalArgumentException.class);
    }
}
