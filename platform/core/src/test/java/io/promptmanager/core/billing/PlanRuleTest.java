package io.promptmanager.core.billing;

import io.promptmanager.core.plan.Plan;
import io.promptmanager.plugin.billing.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanRuleTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final PlanRule rule = new PlanRule(Duration.ofDays(7));

    @Test
    void everyStatusGivesExactlyTheDocumentedPlan() {
        Map<SubscriptionStatus, Plan> plans = new EnumMap<>(SubscriptionStatus.class);
        for (SubscriptionStatus status : SubscriptionStatus.values()) {
            plans.put(status, rule.planFor(status, null, NOW));
        }

        assertThat(plans).containsExactlyInAnyOrderEntriesOf(Map.of(
                SubscriptionStatus.ACTIVE, Plan.PRO,
                SubscriptionStatus.TRIALING, Plan.PRO,
                SubscriptionStatus.PAST_DUE, Plan.PRO,
                SubscriptionStatus.CANCELED, Plan.FREE,
                SubscriptionStatus.UNPAID, Plan.FREE,
                SubscriptionStatus.INCOMPLETE, Plan.FREE,
                SubscriptionStatus.INCOMPLETE_EXPIRED, Plan.FREE,
                SubscriptionStatus.PAUSED, Plan.FREE));
    }

    @Test
    void pastDueKeepsProUntilTheGracePeriodEndsAndNotASecondLonger() {
        Instant failed = NOW.minus(Duration.ofDays(7));

        assertThat(rule.planFor(SubscriptionStatus.PAST_DUE, failed.plusNanos(1000), NOW)).isEqualTo(Plan.PRO);
        assertThat(rule.planFor(SubscriptionStatus.PAST_DUE, failed, NOW)).isEqualTo(Plan.FREE);
        assertThat(rule.planFor(SubscriptionStatus.PAST_DUE, failed.minusSeconds(1), NOW)).isEqualTo(Plan.FREE);
        assertThat(rule.planFor(SubscriptionStatus.PAST_DUE, NOW, NOW)).isEqualTo(Plan.PRO);
        assertThat(rule.graceEndsAt(SubscriptionStatus.PAST_DUE, failed)).contains(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = SubscriptionStatus.class, names = {"ACTIVE", "TRIALING"})
    void payingStatesGrantProWhateverAnOldPastDueDateSays(SubscriptionStatus status) {
        assertThat(rule.grantsPro(status, NOW.minus(Duration.ofDays(365)), NOW)).isTrue();
        assertThat(rule.graceEndsAt(status, NOW)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = SubscriptionStatus.class, names = {"CANCELED", "UNPAID", "INCOMPLETE", "INCOMPLETE_EXPIRED", "PAUSED"})
    void nonPayingStatesNeverGrantPro(SubscriptionStatus status) {
        assertThat(rule.grantsPro(status, NOW, NOW)).isFalse();
        assertThat(rule.grantsPro(status, null, NOW)).isFalse();
    }

    @Test
    void aZeroGracePeriodDowngradesAsSoonAsThePaymentFails() {
        PlanRule noGrace = new PlanRule(Duration.ZERO);

        assertThat(noGrace.planFor(SubscriptionStatus.PAST_DUE, NOW, NOW)).isEqualTo(Plan.FREE);
    }
}
