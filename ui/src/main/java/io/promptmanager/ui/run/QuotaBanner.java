package io.promptmanager.ui.run;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.quota.DailyUsage;
import io.promptmanager.ui.format.Formats;

import java.time.Duration;
import java.time.Instant;

/** Today's runs left on a limited plan and when the counter resets (UTC midnight); nothing on an unlimited one. */
final class QuotaBanner extends HorizontalLayout {
    private final Span text = new Span();
    private final Button upgrade;

    QuotaBanner() {
        setId("quota");
        text.setId("quota-text");
        upgrade = Upgrade.button("quota-upgrade", getTranslation("run.upgrade"));
        setAlignItems(FlexComponent.Alignment.CENTER);
        addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5);
        add(text, upgrade);
    }

    void show(DailyUsage usage, Instant now) {
        if (usage.limit() == null) {
            setVisible(false);
            return;
        }
        setVisible(true);
        long[] left = Formats.hoursAndMinutes(Duration.between(now, usage.resetsAt()));
        int remaining = usage.remaining();
        text.setText(remaining > 0
                ? getTranslation("run.quota.left", remaining, usage.limit(), left[0], left[1])
                : getTranslation("run.quota.none-left", usage.limit(), left[0], left[1]));
        upgrade.setVisible(remaining == 0);
    }
}
