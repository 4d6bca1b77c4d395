package io.promptmanager.ui.billing;

import io.promptmanager.core.common.Money;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.ui.base.DisplayFormats;

import java.io.Serializable;

/**
 * What PRO costs, as the console words it: the operator's monthly and yearly prices, and how many
 * months a year the yearly price saves (two at $7 / $70).
 */
public record ProOffer(Money monthly, Money yearly) implements Serializable {

    public static ProOffer of(PlanCatalog plans) {
        return new ProOffer(plans.proPrice(BillingInterval.MONTH), plans.proPrice(BillingInterval.YEAR));
    }

    /** Whole months of the monthly price the yearly price saves; 0 when it saves none. */
    public int monthsFree() {
        if (!monthly.currency().equals(yearly.currency()) || monthly.amount() <= 0) {
            return 0;
        }
        return (int) Math.max(0, (12 * monthly.amount() - yearly.amount()) / monthly.amount());
    }

    /** "$7.00 a month, or $70.00 a year (two months free)." in the user's language. */
    public String summary(DisplayFormats formats, Translator translator) {
        return monthsFree() > 0
                ? translator.translate("pro.price", formats.money(monthly), formats.money(yearly), monthsFree())
                : translator.translate("pro.price-plain", formats.money(monthly), formats.money(yearly));
    }

    /** A component's {@code getTranslation}. */
    @FunctionalInterface
    public interface Translator extends Serializable {
        String translate(String key, Object... parameters);
    }
}
