package io.promptmanager.server.billing;

import io.promptmanager.core.common.Money;

/** An amount in the currency's minor unit ({@code 700} usd = $7.00), as the payment processor counts it. */
public record MoneyDto(long amount, String currency) {
    static MoneyDto from(Money money) {
        return money == null ? null : new MoneyDto(money.amount(), money.currency());
    }
}
