package io.promptmanager.ui.billing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import io.promptmanager.core.billing.BillingService;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.MainLayout;

/**
 * Where the payment processor sends the user back after paying ({@code billing/return?session_id=…}).
 * Coming back does not make anyone PRO — the processor's webhook does — so the page asks core for
 * the plan every {@value #POLL_MILLIS} ms until it is PRO (then opens the billing page) or until
 * {@value #MAX_POLLS} checks have passed (then says the confirmation is late and what that means).
 */
@SignedIn
@Route(value = BillingReturnView.ROUTE, layout = MainLayout.class)
public final class BillingReturnView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    public static final String ROUTE = "billing/return";
    static final int POLL_MILLIS = 2_000;
    /** One minute of checks. */
    static final int MAX_POLLS = 30;

    private final transient BillingService billing;
    private final Actor actor;
    private final Paragraph status = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private Registration polling;
    private int polls;

    public BillingReturnView(BillingService billing, SignedInUser signedIn) {
        this.billing = billing;
        this.actor = signedIn.actor();
        status.setId("billing-return-status");
        status.setText(getTranslation("billing.return.waiting"));
        progress.setIndeterminate(true);
        progress.setWidth("24rem");
        add(new H2(getTranslation("billing.return.title")), status, progress,
                new RouterLink(getTranslation("billing.return.back"), BillingView.class));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("billing.return.page-title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (isPro()) {
            confirmedNotice();
            event.forwardTo(BillingView.class);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        polling = ui.addPollListener(poll -> check(ui));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
    }

    private void check(UI ui) {
        if (isPro()) {
            stopPolling(ui);
            confirmedNotice();
            ui.navigate(BillingView.class);
        } else if (++polls >= MAX_POLLS) {
            stopPolling(ui);
            progress.setVisible(false);
            status.setText(getTranslation("billing.return.late"));
        }
    }

    /** True once the processor confirmed the payment (by webhook). */
    private boolean isPro() {
        return billing.overview(actor).plan() == Plan.PRO;
    }

    private void confirmedNotice() {
        Notification.show(getTranslation("billing.return.confirmed"), 8_000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.SUCCESS);
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        ui.setPollInterval(-1);
    }
}
