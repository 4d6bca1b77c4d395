package io.promptmanager.ui.billing;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.promptmanager.core.billing.BillingOverview;
import io.promptmanager.core.billing.BillingService;
import io.promptmanager.core.billing.CancelMode;
import io.promptmanager.core.billing.CancelResult;
import io.promptmanager.core.billing.Invoice;
import io.promptmanager.core.billing.Refund;
import io.promptmanager.core.billing.Subscription;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.quota.DailyUsage;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.UserService;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.SubscriptionStatus;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;

import java.util.Set;

/**
 * Billing: the user's plan and today's usage, upgrading (monthly or yearly, on the payment
 * processor's checkout page), the processor's portal for the payment method, cancelling (both
 * options shown before confirming), and invoices. The plan itself only changes when the
 * processor's webhook confirms, so this page never claims more than core says.
 */
@SignedIn
@Route(value = BillingView.ROUTE, layout = MainLayout.class)
public final class BillingView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "billing";

    private static final Set<String> INVOICE_STATUSES = Set.of("draft", "open", "paid", "uncollectible", "void");

    private final transient BillingService billing;
    private final transient UserService users;
    private final Actor actor;
    private final DisplayFormats formats = DisplayFormats.ofCurrentUi();

    public BillingView(BillingService billing, UserService users, SignedInUser signedIn) {
        this.billing = billing;
        this.users = users;
        this.actor = signedIn.actor();
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("billing.page-title");
    }

    private void render() {
        removeAll();
        BillingOverview overview = billing.overview(actor);
        add(new H2(getTranslation("billing.title")), plan(overview, users.overview(actor).usage()));
        overview.currentSubscription().ifPresent(subscription -> add(subscription(subscription, overview)));
        if (!overview.billingAvailable()) {
            Paragraph unavailable = new Paragraph(getTranslation("billing.unavailable"));
            unavailable.setId("billing-unavailable");
            add(unavailable);
        } else {
            add(actions(overview));
        }
        add(new H3(getTranslation("billing.invoices")), invoices(overview));
        if (!overview.refunds().isEmpty()) {
            add(new H3(getTranslation("billing.refunds")), refunds(overview));
        }
    }

    private VerticalLayout plan(BillingOverview overview, DailyUsage usage) {
        Span plan = new Span(getTranslation("plan." + overview.plan().name()));
        plan.setId("billing-plan");
        plan.getElement().getThemeList().add(overview.plan() == Plan.PRO ? "badge success" : "badge");
        Span today = new Span(usage.limit() == null ? getTranslation("billing.usage.unlimited", usage.used())
                : getTranslation("billing.usage.limited", usage.used(), usage.limit()));
        today.setId("billing-usage");
        VerticalLayout box = new VerticalLayout(new HorizontalLayout(new Span(getTranslation("billing.your-plan")), plan),
                today);
        box.setPadding(false);
        if (overview.proSince() != null) {
            box.add(new Span(getTranslation("billing.pro-since", formats.date(overview.proSince()))));
        }
        return box;
    }

    private Paragraph subscription(Subscription subscription, BillingOverview overview) {
        String interval = getTranslation("billing.interval." + subscription.interval().name());
        String text;
        if (subscription.ended()) {
            text = getTranslation("billing.subscription.ended", interval);
        } else if (subscription.status() == SubscriptionStatus.PAST_DUE && subscription.graceEndsAt() != null) {
            text = getTranslation("billing.subscription.past-due", interval, formats.dateTime(subscription.graceEndsAt()));
        } else if (subscription.endsAt().isPresent()) {
            text = getTranslation("billing.subscription.ends", interval, formats.dateTime(subscription.endsAt().get()));
        } else {
            text = getTranslation("billing.subscription.renews", interval,
                    formats.date(subscription.currentPeriodEnd()),
                    formats.money(subscription.interval() == BillingInterval.MONTH ? overview.monthlyPrice()
                            : overview.yearlyPrice()));
        }
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId("billing-subscription");
        return paragraph;
    }

    private HorizontalLayout actions(BillingOverview overview) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        boolean paying = overview.currentSubscription().filter(s -> !s.ended()).isPresent();
        if (overview.plan() == Plan.FREE && !paying) {
            ProOffer offer = new ProOffer(overview.monthlyPrice(), overview.yearlyPrice());
            Button monthly = new Button(getTranslation("billing.upgrade.monthly", formats.money(offer.monthly())),
                    click -> checkout(BillingInterval.MONTH));
            monthly.setId("upgrade-monthly");
            monthly.addThemeVariants(ButtonVariant.PRIMARY);
            Button yearly = new Button(offer.monthsFree() > 0
                    ? getTranslation("billing.upgrade.yearly-saving", formats.money(offer.yearly()), offer.monthsFree())
                    : getTranslation("billing.upgrade.yearly", formats.money(offer.yearly())),
                    click -> checkout(BillingInterval.YEAR));
            yearly.setId("upgrade-yearly");
            yearly.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(monthly, yearly);
        }
        if (overview.hasBillingAccount()) {
            Button portal = new Button(getTranslation("billing.portal"),
                    click -> UI.getCurrent().getPage().setLocation(billing.openPortal(actor, null)));
            portal.setId("billing-portal");
            actions.add(portal);
        }
        if (overview.currentSubscription().filter(s -> !s.ended() && s.status() != SubscriptionStatus.INCOMPLETE)
                .isPresent()) {
            Button cancel = new Button(getTranslation("billing.cancel"), click -> openCancel());
            cancel.setId("billing-cancel");
            cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            actions.add(cancel);
        }
        return actions;
    }

    private void checkout(BillingInterval interval) {
        UI.getCurrent().getPage().setLocation(billing.startCheckout(actor, interval).url());
    }

    private void openCancel() {
        CancelDialog dialog = new CancelDialog(billing.cancellationOptions(actor), formats);
        dialog.addConfirmListener(confirm -> {
            CancelResult result = billing.cancel(actor, confirm.mode());
            dialog.close();
            render();
            String message = confirm.mode() == CancelMode.NOW
                    ? getTranslation("billing.cancelled.now", formats.money(result.refunded()))
                    : getTranslation("billing.cancelled.period-end",
                            formats.dateTime(result.subscription().endsAt().orElse(result.subscription().currentPeriodEnd())));
            Notification.show(message, 8_000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        });
        dialog.open();
    }

    private Grid<Invoice> invoices(BillingOverview overview) {
        Grid<Invoice> grid = new Grid<>();
        grid.setId("billing-invoices");
        grid.setAllRowsVisible(true);
        grid.addColumn(invoice -> invoice.number() == null ? "—" : invoice.number())
                .setHeader(getTranslation("billing.invoice.number")).setKey("number");
        grid.addColumn(invoice -> formats.date(invoice.created())).setHeader(getTranslation("billing.invoice.date"))
                .setKey("date");
        grid.addColumn(invoice -> formats.money(invoice.paid() ? invoice.amountPaid() : invoice.amountDue()))
                .setHeader(getTranslation("billing.invoice.amount")).setKey("amount");
        grid.addColumn(invoice -> INVOICE_STATUSES.contains(invoice.status())
                        ? getTranslation("billing.invoice.status." + invoice.status()) : invoice.status())
                .setHeader(getTranslation("billing.invoice.status")).setKey("status");
        grid.addComponentColumn(invoice -> {
            if (invoice.hostedUrl() == null) {
                return new Span();
            }
            Anchor link = new Anchor(invoice.hostedUrl().toString(), getTranslation("billing.invoice.view"),
                    AnchorTarget.BLANK);
            link.getElement().setAttribute("rel", "noopener noreferrer");
            return link;
        }).setKey("link");
        Paragraph empty = new Paragraph(getTranslation("billing.invoices.empty"));
        empty.setId("billing-invoices-empty");
        grid.setEmptyStateComponent(empty);
        grid.setItems(overview.invoices());
        return grid;
    }

    private Grid<Refund> refunds(BillingOverview overview) {
        Grid<Refund> grid = new Grid<>();
        grid.setId("billing-refunds");
        grid.setAllRowsVisible(true);
        grid.addColumn(refund -> formats.date(refund.created())).setHeader(getTranslation("billing.invoice.date"))
                .setKey("date");
        grid.addColumn(refund -> formats.money(refund.amount())).setHeader(getTranslation("billing.invoice.amount"))
                .setKey("amount");
        grid.addColumn(refund -> refund.invoiceNumber() == null ? "—" : refund.invoiceNumber())
                .setHeader(getTranslation("billing.invoice.number")).setKey("invoice");
        grid.setItems(overview.refunds());
        return grid;
    }
}
