package io.promptmanager.core.billing;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.user.AccountChangeListener;
import io.promptmanager.core.user.UserRepository;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.InvoiceSnapshot;
import io.promptmanager.plugin.billing.WebhookRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Applies the payment processor's webhooks: the only way a subscription, an invoice and, through
 * them, a user's plan change. The provider verifies the signature first (nothing is read from an
 * unverified body); then each event is applied in one transaction together with the record of
 * its id, so a redelivered event — even concurrently, on another node — changes nothing, and a
 * failure leaves no trace: the processor's retry applies it later. Subscription events are
 * order-safe: one older than what was already applied to the subscription is recorded as STALE,
 * and a cancelled subscription never becomes active again.
 */
public final class BillingWebhooks {
    private static final Logger LOG = Logger.getLogger(BillingWebhooks.class.getName());

    private final Transactions transactions;
    private final BillingGateway gateway;
    private final WebhookEventRepository events;
    private final SubscriptionRepository subscriptions;
    private final InvoiceRepository invoices;
    private final UserRepository users;
    private final SubscriptionChanges changes;
    private final AccountChangeListener accountChanges;
    private final Clock clock;

    public BillingWebhooks(Transactions transactions, BillingGateway gateway, WebhookEventRepository events,
                           SubscriptionRepository subscriptions, InvoiceRepository invoices, UserRepository users,
                           SubscriptionChanges changes, AccountChangeListener accountChanges, Clock clock) {
        this.transactions = transactions;
        this.gateway = gateway;
        this.events = events;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.users = users;
        this.changes = changes;
        this.accountChanges = accountChanges;
        this.clock = clock;
    }

    /** What became of a webhook's events (a duplicate delivery counts as such, not as applied). */
    public record Receipt(Map<EventOutcome, Integer> outcomes) {
        public Receipt {
            outcomes = Map.copyOf(outcomes);
        }

        public int count(EventOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    /**
     * Receives a webhook addressed to {@code providerId}, stamped with the current time.
     *
     * @param headers names in lower case
     * @see #receive(String, WebhookRequest)
     */
    public Receipt receive(String providerId, Map<String, List<String>> headers, byte[] body) {
        return receive(providerId, new WebhookRequest(headers, body, clock.instant()));
    }

    /**
     * Verifies and applies a webhook. BILLING_UNAVAILABLE without a billing provider; NOT_FOUND
     * when {@code providerId} is not the installed provider's id; WEBHOOK_SIGNATURE_INVALID or
     * VALIDATION_FAILED when the provider refuses it (nothing changed). Any other failure rolls
     * back the event it happened in and propagates, so the processor delivers it again.
     */
    public Receipt receive(String providerId, WebhookRequest request) {
        gateway.requireId(providerId);
        List<BillingEvent> verified = gateway.call("verify webhook", provider -> provider.verifyWebhook(request));
        Map<EventOutcome, Integer> outcomes = new EnumMap<>(EventOutcome.class);
        for (BillingEvent event : verified) {
            outcomes.merge(apply(providerId, event, request.receivedAt()), 1, Integer::sum);
        }
        return new Receipt(outcomes);
    }

    private EventOutcome apply(String provider, BillingEvent event, Instant receivedAt) {
        Set<UUID> planChanged = new LinkedHashSet<>();
        EventOutcome outcome = transactions.inTransaction(exec -> {
            if (!events.record(exec, provider, event, receivedAt)) {
                return EventOutcome.DUPLICATE;
            }
            EventOutcome applied = effect(exec, provider, event, planChanged);
            events.outcome(exec, event.id(), applied);
            return applied;
        });
        planChanged.forEach(accountChanges::accountChanged);
        LOG.fine(() -> "Billing event " + event.id() + " (" + event.processorType() + "): " + outcome);
        return outcome;
    }

    private EventOutcome effect(DbExecute exec, String provider, BillingEvent event, Set<UUID> planChanged) {
        return switch (event.type()) {
            case CHECKOUT_COMPLETED -> {
                BillingEvent.CompletedCheckout checkout = event.checkout();
                Optional<UUID> user = user(exec, provider, checkout.userReference(), checkout.customerId(), null);
                if (user.isEmpty()) {
                    yield unknownUser(event, checkout.customerId());
                }
                subscriptions.linkCustomer(exec, user.get(), provider, checkout.customerId(), now());
                yield EventOutcome.APPLIED;
            }
            case SUBSCRIPTION_CREATED, SUBSCRIPTION_UPDATED, SUBSCRIPTION_DELETED -> {
                var snapshot = event.subscription();
                Optional<UUID> user = user(exec, provider, snapshot.userReference(), snapshot.customerId(),
                        snapshot.id());
                if (user.isEmpty()) {
                    yield unknownUser(event, snapshot.customerId());
                }
                subscriptions.linkCustomer(exec, user.get(), provider, snapshot.customerId(), now());
                yield changes.apply(exec, provider, user.get(), snapshot, event.created(), planChanged)
                        ? EventOutcome.APPLIED : EventOutcome.STALE;
            }
            case INVOICE_PAID, INVOICE_PAYMENT_FAILED -> {
                InvoiceSnapshot invoice = event.invoice();
                Optional<UUID> user = user(exec, provider, invoice.userReference(), invoice.customerId(),
                        invoice.subscriptionId());
                if (user.isEmpty()) {
                    yield unknownUser(event, invoice.customerId());
                }
                yield invoices.upsert(exec, provider, user.get(), invoice, event.created(), now())
                        ? EventOutcome.APPLIED : EventOutcome.STALE;
            }
            case OTHER -> EventOutcome.IGNORED;
        };
    }

    /**
     * The user an event is about: the owner of the subscription if the platform knows it, else
     * the user id the platform put in the processor's metadata, else the customer's user.
     */
    private Optional<UUID> user(DbExecute exec, String provider, String userReference, String customerId,
                                String subscriptionId) {
        if (subscriptionId != null) {
            Optional<StoredSubscription> known = subscriptions.lock(exec, subscriptionId);
            if (known.isPresent()) {
                return Optional.of(known.get().userId());
            }
        }
        Optional<UUID> referenced = parse(userReference).filter(id -> users.find(exec, id).isPresent());
        if (referenced.isPresent()) {
            return referenced;
        }
        return customerId == null ? Optional.empty() : subscriptions.userOfCustomer(exec, provider, customerId);
    }

    private static Optional<UUID> parse(String userReference) {
        if (userReference == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(userReference));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static EventOutcome unknownUser(BillingEvent event, String customerId) {
        // acknowledged so the processor stops retrying; an operator can reconcile from this line
        LOG.warning(() -> "Billing event " + event.id() + " (" + event.processorType() + ") of customer "
                + customerId + " matches no user of this platform; it was recorded and ignored");
        return EventOutcome.UNKNOWN_USER;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
