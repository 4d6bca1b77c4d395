package io.promptmanager.core.model;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;

import java.util.List;

/**
 * The model catalogue under the plan rules, the same for every provider: FREE runs free models
 * only; PRO (entitlement {@code allModels}) and administrators run every model.
 */
public final class ModelService {
    private final ModelCatalog catalog;
    private final PlanCatalog plans;
    private final ProviderChoice providers;

    public ModelService(ModelCatalog catalog, PlanCatalog plans) {
        this.catalog = catalog;
        this.plans = plans;
        this.providers = new ProviderChoice(catalog);
    }

    /** Every model of every provider with its prices and whether {@code actor} may run it, sorted by id, then provider. */
    public List<ModelOffer> list(Actor actor) {
        return list(actor, null);
    }

    /**
     * The models of provider {@code providerId} (every provider's when null), as {@link #list(Actor)}.
     *
     * @throws DomainException VALIDATION_FAILED on field {@code provider} when no such provider is installed
     */
    public List<ModelOffer> list(Actor actor, String providerId) {
        actor.requireScope(Scope.PROMPTS_READ);
        if (providerId != null) {
            providers.requireInstalled(providerId);
        }
        boolean everyModel = mayRunEveryModel(actor);
        return catalog.all().stream()
                .filter(model -> providerId == null || model.providerId().equals(providerId))
                .map(model -> ModelOffer.of(model, everyModel || model.free())).toList();
    }

    /** The model {@code modelId} of whichever provider offers it; see {@link #requireAllowed(Actor, String, String)}. */
    public CatalogModel requireAllowed(Actor actor, String modelId) {
        return requireAllowed(actor, null, modelId);
    }

    /**
     * The model {@code modelId} of provider {@code providerId} (when null: of the one provider
     * offering it), when {@code actor}'s plan lets them run it.
     *
     * @throws DomainException VALIDATION_FAILED on field {@code model} when the provider (or, without
     *                         one, every provider) does not offer it, on field {@code provider} when
     *                         the named provider is not installed (removed, disabled or failed), or
     *                         several providers offer it and none is named; PROVIDER_UNAVAILABLE
     *                         when it is unknown while a provider's catalogue is unavailable;
     *                         PLAN_REQUIRED for a premium model on the FREE plan
     */
    public CatalogModel requireAllowed(Actor actor, String providerId, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw DomainException.invalid("model", "a model is required");
        }
        CatalogModel model = providerId == null ? onlyOffer(modelId)
                : catalog.find(providers.requireInstalled(providerId), modelId)
                        .orElseThrow(() -> unknown(providerId, modelId));
        if (!model.free() && !mayRunEveryModel(actor)) {
            throw new DomainException(ErrorCode.PLAN_REQUIRED,
                    modelId + " is a premium model: the FREE plan runs free models only");
        }
        return model;
    }

    private CatalogModel onlyOffer(String modelId) {
        List<CatalogModel> offers = catalog.offering(modelId);
        if (offers.size() > 1) {
            throw ProviderChoice.ambiguous(modelId, offers);
        }
        return offers.stream().findFirst().orElseThrow(() -> unknown(null, modelId));
    }

    private DomainException unknown(String providerId, String modelId) {
        if (!catalog.isComplete()) {
            return new DomainException(ErrorCode.PROVIDER_UNAVAILABLE,
                    "The model catalogue is not available right now; try again in a moment");
        }
        return DomainException.invalid("model", "unknown model '" + modelId + "'"
                + (providerId == null ? "" : " of provider '" + providerId + "'"));
    }

    private boolean mayRunEveryModel(Actor actor) {
        return actor.isAdmin() || plans.entitlements(actor.plan()).allModels();
    }
}
