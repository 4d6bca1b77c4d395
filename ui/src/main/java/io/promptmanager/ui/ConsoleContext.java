package io.promptmanager.ui;

import com.vaadin.flow.server.VaadinService;
import io.promptmanager.core.CoreServices;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.model.ModelService;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.prompt.CategoryService;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.quota.UsageService;
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
        return Map.of(
                UserService.class, services.userService(),
                PromptService.class, services.promptService(),
                VersionService.class, services.versionService(),
                CategoryService.class, services.categoryService(),
                ModelService.class, services.modelService(),
                ApiKeyService.class, services.apiKeyService(),
                UsageService.class, services.usageService(),
                PlanCatalog.class, services.planCatalog(),
                AccountSettings.class, accounts);
    }
}
