package io.promptmanager.core.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money as the payment processor counts it: an integer number of the currency's
 * minor unit (cents for {@code usd}), never a floating-point value.
 *
 * @param amount   in minor units
 * @param currency ISO 4217 code in lower case ({@code usd})
 */
public record Money(long amount, String currency) {
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("a currency is three lower-case letters (usd), was " + currency);
        }
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    /** The amount in major units ({@code 7.00} for 700 usd), for display. */
    public BigDecimal decimal() {
        return BigDecimal.valueOf(amount, fractionDigits());
    }

    /** The currency's code in upper case ({@code USD}), as people read it. */
    public String currencyCode() {
        return currency.toUpperCase(Locale.ROOT);
    }

    private int fractionDigits() {
        try {
            int digits = Currency.getInstance(currencyCode()).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    @Override
    public String toString() {
        return decimal().toPlainString() + " " + currencyCode();
    }
}
