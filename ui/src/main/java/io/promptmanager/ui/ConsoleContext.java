package io.promptmanager.ui;

import com.vaadin.flow.server.VaadinService;
import io.promptmanager.core.CoreServices;
import io.promptmanager.core.analytics.AnalyticsService;
import io.promptmanager.core.analytics.PlatformUsageService;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.billing.BillingService;
import io.promptmanager.core.byok.ByokService;
import io.promptmanager.core.execution.ExecutionHistoryService;
import io.promptmanager.core.execution.ExecutionService;
import io.promptmanager.core.model.ModelService;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.plugin.PluginService;
import io.promptmanager.core.prompt.CategoryService;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.quota.UsageService;
import io.promptmanager.core.support.SupportService;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.user.UserService;

import java.util.Map;
import java.util.Objects;

/**
 * What the console's views may be given: core's application services and the account rules.
 * The server puts it into the web application's context; views receive its parts through their
 * constructors (see {@link ConsoleInstantiator}), never through a static lookup.
 */
public record ConsoleContext(CoreServices services, AccountSettings accounts) {
    /** Servlet context attribute holding the console's context. */
    public static final String ATTRIBUTE = ConsoleContext.class.getName();

    public ConsoleContext {
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(accounts, "accounts");
    }

    /** The context of the web application {@code service} belongs to. */
    public static ConsoleContext of(VaadinService service) {
        ConsoleContext context = service.getContext().getAttribute(ConsoleContext.class);
        if (context == null) {
            throw new IllegalStateException("The console web application has no " + ATTRIBUTE
                    + " attribute; start it through ConsoleServer");
        }
        return context;
    }

    /** The objects a view constructor may ask for, by their type. */
    Map<Class<?>, Object> injectables() {
        return Map.ofEntries(
                Map.entry(UserService.class, services.userService()),
                Map.entry(PromptService.class, services.promptService()),
                Map.entry(VersionService.class, services.versionService()),
                Map.entry(CategoryService.class, services.categoryService()),
                Map.entry(ApiKeyService.class, services.apiKeyService()),
                Map.entry(UsageService.class, services.usageService()),
                Map.entry(PlanCatalog.class, services.planCatalog()),
                Map.entry(ModelService.class, services.modelService()),
                Map.entry(ExecutionService.class, services.executionService()),
                Map.entry(ExecutionHistoryService.class, services.executionHistoryService()),
                Map.entry(AnalyticsService.class, services.analyticsService()),
                Map.entry(ByokService.class, services.byokService()),
                Map.entry(SupportService.class, services.supportService()),
                Map.entry(AuditLog.class, services.auditLog()),
                Map.entry(PluginService.class, services.pluginService()),
                Map.entry(PlatformUsageService.class, services.platformUsageService()),
                Map.entry(BillingService.class, services.billingService()),
                Map.entry(AccountSettings.class, accounts));
    }
}
