package io.promptmanager.core.execution;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.model.ModelCatalog;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;

/** The plan's model rule read from the catalogue: plans without all models run free models only. */
public final class CatalogModelAccess implements ModelAccess {
    private final ModelCatalog catalog;
    private final PlanCatalog plans;

    public CatalogModelAccess(ModelCatalog catalog, PlanCatalog plans) {
        this.catalog = catalog;
        this.plans = plans;
    }

    @Override
    public void requireAllowed(Actor actor, String modelId) {
        CatalogModel model = catalog.find(modelId).orElseThrow(() -> new DomainException(
                ErrorCode.MODEL_NOT_AVAILABLE, "Model '" + modelId + "' is not offered by any installed provider"));
        if (!model.free() && !plans.entitlements(actor.plan()).allModels()) {
            throw new DomainException(ErrorCode.PLAN_REQUIRED,
                    "Model '" + modelId + "' requires the PRO plan; the " + actor.plan() + " plan runs free models only");
        }
    }
}
