package io.promptmanager.core;

import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.audit.AuditRepository;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.prompt.CategoryService;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.quota.UsageService;
import io.promptmanager.core.user.UserService;

/**
 * Core's application services, built once over one database and shared by the API and the
 * console. Closing it stops core's background work (cache invalidation listener); the database
 * is closed by its owner.
 */
public final class CoreServices implements AutoCloseable {
    private final Database database;
    private final PlanCatalog planCatalog;
    private final AuditLog auditLog;
    private final UserService userService;
    private final ApiKeyService apiKeyService;
    private final UsageService usageService;
    private final PromptService promptService;
    private final VersionService versionService;
    private final CategoryService categoryService;

    private CoreServices(Database database, CoreSettings settings) {
        this.database = database;
        Transactions transactions = new Transactions(database.dbClient());
        this.planCatalog = new PlanCatalog(settings.plans());
        this.auditLog = new AuditLog(new AuditRepository(), transactions, settings.clock());
        this.usageService = new UsageService();
        this.userService = new UserService();
        this.apiKeyService = new ApiKeyService();
        this.categoryService = new CategoryService();
        this.promptService = new PromptService();
        this.versionService = new VersionService();
    }

    public static CoreServices start(Database database, CoreSettings settings) {
        return new CoreServices(database, settings);
    }

    public Database database() {
        return database;
    }

    public PlanCatalog planCatalog() {
        return planCatalog;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public UserService userService() {
        return userService;
    }

    public ApiKeyService apiKeyService() {
        return apiKeyService;
    }

    public UsageService usageService() {
        return usageService;
    }

    public PromptService promptService() {
        return promptService;
    }

    public VersionService versionService() {
        return versionService;
    }

    public CategoryService categoryService() {
        return categoryService;
    }

    @Override
    public void close() {
        // background listeners are stopped here once they exist
    }
}
