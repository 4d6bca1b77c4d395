package io.promptmanager.core.model;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;

import java.util.List;

/**
 * The model catalogue under the plan rules: FREE runs free models only; PRO (entitlement
 * {@code allModels}) and administrators run every model.
 */
public final class ModelService {
    private final ModelCatalog catalog;
    private final PlanCatalog plans;

    public ModelService(ModelCatalog catalog, PlanCatalog plans) {
        this.catalog = catalog;
        this.plans = plans;
    }

    /** Every model with its prices and whether {@code actor} may run it, sorted by id. */
    public List<ModelOffer> list(Actor actor) {
        actor.requireScope(Scope.PROMPTS_READ);
        boolean everyModel = mayRunEveryModel(actor);
        return catalog.all().stream().map(model -> ModelOffer.of(model, everyModel || model.free())).toList();
    }

    /**
     * The model {@code modelId}, when {@code actor}'s plan lets them run it.
     *
     * @throws DomainException VALIDATION_FAILED on field {@code model} when no provider offers it;
     *                         PROVIDER_UNAVAILABLE when it is unknown while a provider's catalogue is
     *                         unavailable; PLAN_REQUIRED for a premium model on the FREE plan
     */
    public CatalogModel requireAllowed(Actor actor, String modelId) {
        if (modelId == null || modelId.isBlank()) {
            throw DomainException.invalid("model", "a model is required");
        }
        CatalogModel model = catalog.find(modelId).orElseThrow(() -> unknown(modelId));
        if (!model.free() && !mayRunEveryModel(actor)) {
            throw new DomainException(ErrorCode.PLAN_REQUIRED,
                    modelId + " is a premium model: the FREE plan runs free models only");
        }
        return model;
    }

    private DomainException unknown(String modelId) {
        if (!catalog.isComplete()) {
            return new DomainException(ErrorCode.PROVIDER_UNAVAILABLE,
                    "The model catalogue is not available right now; try again in a moment");
        }
        return DomainException.invalid("model", "unknown model '" + modelId + "'");
    }

    private boolean mayRunEveryModel(Actor actor) {
        return actor.isAdmin() || plans.entitlements(actor.plan()).allModels();
    }
}
