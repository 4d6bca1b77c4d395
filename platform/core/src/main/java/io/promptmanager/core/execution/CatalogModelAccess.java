package io.promptmanager.core.execution;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.model.ModelCatalog;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;

/** The plan's model rule read from the catalogue: FREE runs free models only; PRO and administrators every model. */
public final class CatalogModelAccess implements ModelAccess {
    private final ModelCatalog catalog;
    private final PlanCatalog plans;

    public CatalogModelAccess(ModelCatalog catalog, PlanCatalog plans) {
        this.catalog = catalog;
        this.plans = plans;
    }

    @Override
    public CatalogModel requireAllowed(Actor actor, String modelId) {
        CatalogModel model = catalog.find(modelId)
                .orElseThrow(() -> DomainException.invalid("model", "unknown model '" + modelId + "'"));
        if (!model.free() && !actor.isAdmin() && !plans.entitlements(actor.plan()).allModels()) {
            throw new DomainException(ErrorCode.PLAN_REQUIRED,
                    modelId + " is a premium model: the " + actor.plan() + " plan runs free models only");
        }
        return model;
    }
}
