package io.promptmanager.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.promptmanager.core.apikey.ApiKey;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeysViewTest extends ConsoleBrowserlessTest {

    @Test
    void freeUserSeesWhatProBringsInsteadOfKeys() {
        // given
        signIn(newUser("Free Fred"));

        // when
        navigate(ApiKeysView.class);

        // then
        assertThat(find(Paragraph.class).id("upgrade-why").getText())
                .isEqualTo("API keys open the public REST API, which is part of the PRO plan.");
        assertThat(find(Button.class).id("upgrade").getText()).isEqualTo("Upgrade to PRO");
        assertThat(find(Paragraph.class).id("upgrade-price").getText())
                .isEqualTo("$7.00 a month, or $70.00 a year (two months free).");
        assertThat(find(Button.class).withId("new-api-key").exists()).isFalse();
        assertThat(find(Grid.class).withId("api-keys").exists()).isFalse();

        // when
        test(find(Button.class).id("upgrade")).click();

        // then
        assertThat(getCurrentView()).isInstanceOf(io.promptmanager.ui.billing.BillingView.class);
    }

    @Test
    void proUserWithoutKeysIsToldHowToCreateOne() {
        // given
        signIn(newProUser("Pro Pam"));

        // when
        navigate(ApiKeysView.class);

        // then
        assertThat(keys().size()).isZero();
        assertThat(find(Paragraph.class).id("api-keys-empty").getText())
                .isEqualTo("You have no API keys yet. Click “New API key” to create one.");
    }

    @Test
    void createdKeysSecretIsShownOnceThenListedMaskedAndItAuthenticates() {
        // given
        User ada = newProUser("Ada");
        signIn(ada);
        navigate(ApiKeysView.class);

        // when
        test(find(Button.class).id("new-api-key")).click();
        test(find(TextField.class).id("apikey-name")).setValue("CI pipeline");
        test(apikeyScopes()).deselectAll();
        test(apikeyScopes()).selectItems(Scope.PROMPTS_READ.wireName() + " — read prompts and versions",
                Scope.EXECUTIONS_RUN.wireName() + " — run prompts and read executions");
        test(find(Button.class).id("apikey-create")).click();

        // then the secret is shown, once
        String secret = find(TextField.class).id("apikey-secret").getValue();
        assertThat(secret).startsWith("pmk_");
        assertThat(pageContent()).contains(secret);
        assertThat(services().apiKeyService().authenticate(secret).userId()).isEqualTo(ada.id());
        ApiKey key = services().apiKeyService().list(Actor.console(ada)).getFirst();
        assertThat(key.scopes()).isEqualTo(EnumSet.of(Scope.PROMPTS_READ, Scope.EXECUTIONS_RUN));

        // when
        test(find(Button.class).id("apikey-copy")).click();

        // then
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Key copied to the clipboard.");

        // when
        test(find(Button.class).id("apikey-done")).click();

        // then the list shows it masked, and the secret is nowhere in the page any more
        assertThat(find(Dialog.class).withId("apikey-secret-dialog").exists()).isFalse();
        GridTester<Grid<ApiKey>, ApiKey> grid = keys();
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, 0)).isEqualTo("CI pipeline");
        assertThat(grid.getCellText(0, 1)).isEqualTo(secret.substring(0, 8) + "…" + secret.substring(secret.length() - 4));
        assertThat(grid.getCellText(0, 2)).isEqualTo("executions:run, prompts:read");
        assertThat(grid.getCellText(0, 4)).isEqualTo("Never");
        assertThat(grid.getCellText(0, 6)).isEqualTo("Active");
        assertThat(pageContent()).doesNotContain(secret);
    }

    @Test
    void aKeyNeedsANameAndAScope() {
        // given
        signIn(newProUser("Forgetful"));
        navigate(ApiKeysView.class);
        test(find(Button.class).id("new-api-key")).click();

        // when
        test(apikeyScopes()).deselectAll();
        test(find(Button.class).id("apikey-create")).click();

        // then
        assertThat(find(TextField.class).id("apikey-name").getErrorMessage()).isEqualTo("Enter a name.");
        assertThat(apikeyScopes().getErrorMessage()).isEqualTo("Choose at least one scope.");
        assertThat(find(TextField.class).withId("apikey-secret").exists()).isFalse();
    }

    @Test
    void revokingAsksForConfirmationThenTheKeyStopsWorking() {
        // given
        User bob = newProUser("Bob");
        String secret = services().apiKeyService().create(Actor.console(bob),
                new io.promptmanager.core.apikey.NewApiKey("old script", null, null)).secret();
        signIn(bob);
        navigate(ApiKeysView.class);
        ApiKey key = keys().getRow(0);

        // when cancelled
        test(revokeButton()).click();
        test(find(ConfirmDialog.class).id("revoke-dialog")).cancel();

        // then
        assertThat(services().apiKeyService().authenticate(secret).userId()).isEqualTo(bob.id());

        // when confirmed
        assertThat(revokeButton().getId()).contains("revoke-" + key.id());
        test(revokeButton()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).id("revoke-dialog");
        assertThat(test(confirm).getHeader()).isEqualTo("Revoke “old script”?");
        test(confirm).confirm();

        // then
        assertThat(keys().getCellText(0, 6)).isEqualTo("Revoked");
        assertThat(keys().getCellComponent(0, "actions")).isNotInstanceOf(Button.class);
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> services().apiKeyService().authenticate(secret));
        assertThat(refused.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<ApiKey>, ApiKey> keys() {
        return test((Grid<ApiKey>) find(Grid.class).id("api-keys"));
    }

    private Button revokeButton() {
        return (Button) keys().getCellComponent(0, "actions");
    }

    @SuppressWarnings("unchecked")
    private CheckboxGroup<Scope> apikeyScopes() {
        return find(CheckboxGroup.class).id("apikey-scopes");
    }
}
