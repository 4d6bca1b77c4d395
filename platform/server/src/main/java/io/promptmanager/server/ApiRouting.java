package io.promptmanager.server;

import io.helidon.webserver.http.HttpRouting;
import io.promptmanager.core.CoreServices;
import io.promptmanager.server.account.MeHttpService;
import io.promptmanager.server.admin.AdminHttpService;
import io.promptmanager.server.analytics.AnalyticsHttpService;
import io.promptmanager.server.apikey.ApiKeyHttpService;
import io.promptmanager.server.audit.AuditHttpService;
import io.promptmanager.server.billing.BillingHttpService;
import io.promptmanager.server.billing.BillingWebhookHttpService;
import io.promptmanager.server.byok.ByokAdminHttpService;
import io.promptmanager.server.byok.ByokHttpService;
import io.promptmanager.server.execution.ExecutionHttpService;
import io.promptmanager.server.execution.RunHttpService;
import io.promptmanager.server.http.ApiErrorHandler;
import io.promptmanager.server.http.ApiKeyFilter;
import io.promptmanager.server.http.RouteRecorder;
import io.promptmanager.server.http.RouteTable;
import io.promptmanager.server.model.ModelHttpService;
import io.promptmanager.server.prompt.CategoryHttpService;
import io.promptmanager.server.prompt.ProductionHttpService;
import io.promptmanager.server.prompt.PromptHttpService;
import io.promptmanager.server.prompt.VersionHttpService;

/** The public API's routing: the authentication filter, the one error handler, every service. */
final class ApiRouting {
    private ApiRouting() {
    }

    static HttpRouting.Builder create(CoreServices core, RouteTable routes) {
        HttpRouting.Builder routing = HttpRouting.builder()
                .addFilter(new ApiKeyFilter(core.apiKeyService()))
                .error(Throwable.class, new ApiErrorHandler(routes));
        new RouteRecorder(routing, routes)
                // Routes are matched in order: applications' hot paths (run, fetch production) first.
                .register("/api/v1/prompts",
                        new RunHttpService(core.executionService()),
                        new ProductionHttpService(core.versionService()),
                        new PromptHttpService(core.promptService()),
                        new VersionHttpService(core.versionService()))
                .register("/api/v1/me", new MeHttpService(core.userService()))
                .register("/api/v1/executions", new ExecutionHttpService(core.executionHistoryService()))
                .register("/api/v1/analytics", new AnalyticsHttpService(core.analyticsService()))
                .register("/api/v1/categories", new CategoryHttpService(core.categoryService()))
                .register("/api/v1/models", new ModelHttpService(core.modelService()))
                .register("/api/v1/api-keys", new ApiKeyHttpService(core.apiKeyService()))
                .register("/api/v1/byok", new ByokHttpService(core.byokService()))
                .register("/api/v1/billing", new BillingHttpService(core.billingService()))
                .register(ApiKeyFilter.WEBHOOKS_PATH, new BillingWebhookHttpService(core.billingWebhooks()))
                .register("/api/v1/audit", new AuditHttpService(core.auditLog()))
                .register("/api/v1/admin/byok", new ByokAdminHttpService(core.byokService()))
                .register("/api/v1/admin",
                        new AdminHttpService(core.userService(), core.apiKeyService(), core.auditLog(),
                                core.pluginService()));
        return routing;
    }
}
