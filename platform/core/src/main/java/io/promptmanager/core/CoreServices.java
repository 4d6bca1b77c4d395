package io.promptmanager.core;

import io.promptmanager.core.apikey.ApiKeyCodec;
import io.promptmanager.core.apikey.ApiKeyRepository;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.audit.AuditRepository;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.prompt.CategoryRepository;
import io.promptmanager.core.prompt.CategoryService;
import io.promptmanager.core.prompt.ProductionCache;
import io.promptmanager.core.prompt.ProductionCacheListener;
import io.promptmanager.core.prompt.PromptRepository;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.prompt.VersionRepository;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.quota.UsageRepository;
import io.promptmanager.core.quota.UsageService;
import io.promptmanager.core.user.LoginThrottle;
import io.promptmanager.core.user.PasswordHasher;
import io.promptmanager.core.user.UserRepository;
import io.promptmanager.core.user.UserService;

import java.time.Clock;

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
    private final ProductionCacheListener productionCacheListener;

    private CoreServices(Database database, CoreSettings settings) {
        this.database = database;
        Transactions transactions = new Transactions(database.dbClient());
        this.planCatalog = new PlanCatalog(settings.plans());
        Clock clock = settings.clock();
        this.auditLog = new AuditLog(new AuditRepository(), transactions, clock);
        this.usageService = new UsageService(transactions, new UsageRepository(), planCatalog, clock);
        UserRepository userRepository = new UserRepository();
        this.userService = new UserService(transactions, userRepository, new PasswordHasher(),
                new LoginThrottle(clock), auditLog, planCatalog, usageService, settings.accounts(), clock);
        this.apiKeyService = new ApiKeyService(transactions, new ApiKeyRepository(), userRepository,
                new ApiKeyCodec(settings.apiKeyPepper()), auditLog, planCatalog, clock);
        PromptRepository promptRepository = new PromptRepository();
        CategoryRepository categoryRepository = new CategoryRepository();
        VersionRepository versionRepository = new VersionRepository();
        ProductionCache productionCache = new ProductionCache(versionRepository, transactions);
        this.categoryService = new CategoryService(categoryRepository, transactions, auditLog, clock);
        this.promptService = new PromptService(promptRepository, categoryRepository, transactions, auditLog,
                productionCache, clock);
        this.versionService = new VersionService(promptRepository, versionRepository, transactions, auditLog,
                productionCache, clock);
        this.productionCacheListener = ProductionCacheListener.start(database, productionCache);
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

    /** True while this node receives other nodes' cache invalidations. */
    public boolean isListeningForInvalidations() {
        return productionCacheListener.isListening();
    }

    @Override
    public void close() {
        productionCacheListener.close();
    }
}
