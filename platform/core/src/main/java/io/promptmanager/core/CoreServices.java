package io.promptmanager.core;

import io.promptmanager.core.analytics.AnalyticsService;
import io.promptmanager.core.analytics.RollupRepository;
import io.promptmanager.core.apikey.ApiKeyCodec;
import io.promptmanager.core.apikey.ApiKeyRepository;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.audit.AuditRepository;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.execution.CatalogModelAccess;
import io.promptmanager.core.execution.CredentialsResolver;
import io.promptmanager.core.execution.ExecutionHistoryService;
import io.promptmanager.core.execution.ExecutionRecorder;
import io.promptmanager.core.execution.ExecutionRepository;
import io.promptmanager.core.execution.ExecutionService;
import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.model.ModelCatalog;
import io.promptmanager.core.model.ModelGateway;
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
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.StreamListener;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Core's application services, built once over one database and shared by the API and the
 * console. Closing it stops core's background work (execution recorder, cache invalidation
 * listener); the database is closed by its owner.
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
    private final ExecutionRecorder executionRecorder;
    private final ExecutionService executionService;
    private final ExecutionHistoryService executionHistoryService;
    private final AnalyticsService analyticsService;

    private CoreServices(Database database, CoreSettings settings, ModelCatalog models, ModelGateway gateway) {
        this.database = database;
        Transactions transactions = new Transactions(database.dbClient());
        this.planCatalog = new PlanCatalog(settings.plans());
        Clock clock = settings.clock();
        this.auditLog = new AuditLog(new AuditRepository(), transactions, clock);
        this.usageService = new UsageService(transactions, new UsageRepository(), planCatalog, clock);
        UserRepository userRepository = new UserRepository();
        this.apiKeyService = new ApiKeyService(transactions, new ApiKeyRepository(), userRepository,
                new ApiKeyCodec(settings.apiKeyPepper()), auditLog, planCatalog, clock);
        this.userService = new UserService(transactions, userRepository, new PasswordHasher(),
                new LoginThrottle(clock), auditLog, planCatalog, usageService, settings.accounts(), clock,
                apiKeyService::forgetUser);
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
        ExecutionRepository executionRepository = new ExecutionRepository();
        RollupRepository rollupRepository = new RollupRepository();
        this.executionRecorder = ExecutionRecorder.start(transactions, executionRepository, rollupRepository,
                usageService);
        this.executionService = new ExecutionService(versionService, gateway,
                new CatalogModelAccess(models, planCatalog), CredentialsResolver.SYSTEM_KEY, usageService,
                planCatalog, executionRecorder, settings.executions(), clock);
        this.executionHistoryService = new ExecutionHistoryService(transactions, executionRepository);
        this.analyticsService = new AnalyticsService(transactions, rollupRepository, clock);
    }

    /** Core services without any model provider: every run fails with PROVIDER_UNAVAILABLE. */
    public static CoreServices start(Database database, CoreSettings settings) {
        return start(database, settings, NoModels.INSTANCE, NoModels.INSTANCE);
    }

    /** Core services running prompts on the models of {@code models} through {@code gateway}. */
    public static CoreServices start(Database database, CoreSettings settings, ModelCatalog models,
                                     ModelGateway gateway) {
        return new CoreServices(database, settings, models, gateway);
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

    public ExecutionService executionService() {
        return executionService;
    }

    public ExecutionHistoryService executionHistoryService() {
        return executionHistoryService;
    }

    public AnalyticsService analyticsService() {
        return analyticsService;
    }

    /** True while this node receives other nodes' cache invalidations. */
    public boolean isListeningForInvalidations() {
        return productionCacheListener.isListening();
    }

    @Override
    public void close() {
        executionRecorder.close();
        productionCacheListener.close();
    }

    /** No provider installed: an empty catalogue, and a gateway that answers UNAVAILABLE. */
    private enum NoModels implements ModelCatalog, ModelGateway {
        INSTANCE;

        @Override
        public List<CatalogModel> all() {
            return List.of();
        }

        @Override
        public Optional<CatalogModel> find(String modelId) {
            return Optional.empty();
        }

        @Override
        public CompletionResult complete(String providerId, CompletionRequest request) {
            throw unavailable();
        }

        @Override
        public CompletionResult stream(String providerId, CompletionRequest request, StreamListener listener) {
            throw unavailable();
        }

        @Override
        public KeyCheck checkKey(String providerId, Credentials credentials) {
            throw unavailable();
        }

        private static ProviderException unavailable() {
            return new ProviderException(ProviderException.Kind.UNAVAILABLE, "No model provider is installed", false);
        }
    }
}
