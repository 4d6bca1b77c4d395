package io.promptmanager.core.byok;

import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.execution.CredentialsResolver;
import io.promptmanager.core.execution.ResolvedCredentials;
import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.user.Actor;
import io.promptmanager.plugin.model.Credentials;

/**
 * Runs on OpenRouter models use the actor's own saved key (billing BYOK) while their plan
 * includes BYOK; every other run uses the platform's key (billing SYSTEM).
 */
public final class ByokCredentialsResolver implements CredentialsResolver {
    private final ByokService byok;

    public ByokCredentialsResolver(ByokService byok) {
        this.byok = byok;
    }

    @Override
    public ResolvedCredentials resolve(Actor actor, CatalogModel model) {
        if (!ByokService.PROVIDER.equals(model.providerId())) {
            return ResolvedCredentials.SYSTEM;
        }
        return byok.activeKey(actor)
                .map(key -> new ResolvedCredentials(Credentials.user(key), BillingType.BYOK))
                .orElse(ResolvedCredentials.SYSTEM);
    }
}
