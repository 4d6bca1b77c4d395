package io.promptmanager.core;

import io.promptmanager.core.analytics.AnalyticsService;
import io.promptmanager.core.analytics.PlatformUsageRepository;
import io.promptmanager.core.analytics.PlatformUsageService;
import io.promptmanager.core.analytics.RollupAggregator;
import io.promptmanager.core.analytics.RollupRepository;
import io.promptmanager.core.analytics.RollupWatermark;
import io.promptmanager.core.analytics.UnfoldedRuns;
import io.promptmanager.core.apikey.ApiKeyCache;
import io.promptmanager.core.apikey.ApiKeyCodec;
import io.promptmanager.core.apikey.ApiKeyRepository;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.apikey.LastUseWriter;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.audit.AuditRepository;
import io.promptmanager.core.billing.Billing;
import io.promptmanager.core.billing.BillingService;
import io.promptmanager.core.billing.BillingWebhooks;
import io.promptmanager.core.billing.GraceSweep;
import io.promptmanager.core.byok.ByokCredentialsResolver;
import io.promptmanager.core.byok.ByokKeyCache;
import io.promptmanager.core.byok.ByokRepository;
import io.promptmanager.core.byok.ByokService;
import io.promptmanager.core.cache.InvalidationListener;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.execution.DeadlineWatchdog;
import io.promptmanager.core.execution.ExecutionHistoryService;
import io.promptmanager.core.execution.ExecutionRecorder;
import io.promptmanager.core.execution.ExecutionRepository;
import io.promptmanager.core.execution.ExecutionService;
import io.promptmanager.core.model.ModelCatalog;
import io.promptmanager.core.model.ModelGateway;
import io.promptmanager.core.model.ModelService;
import io.promptmanager.core.model.ProviderRegistry;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.plugin.PluginHost;
import io.promptmanager.core.plugin.PluginInventory;
import io.promptmanager.core.plugin.PluginService;
import io.promptmanager.core.prompt.CategoryRepository;
import io.promptmanager.core.prompt.CategoryService;
import io.promptmanager.core.prompt.ProductionCache;
import io.promptmanager.core.prompt.PromptRepository;
import io.promptmanager.core.prompt.PromptService;
import io.promptmanager.core.prompt.VersionRepository;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.quota.UsageRepository;
import io.promptmanager.core.quota.UsageService;
import io.promptmanager.core.support.SupportRepository;
import io.promptmanager.core.support.SupportService;
import io.promptmanager.core.user.LoginThrottle;
import io.promptmanager.core.user.PasswordHasher;
import io.promptmanager.core.user.UserRepository;
import io.promptmanager.core.user.UserService;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.model.ModelProvider;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Core's application services, built once over one database and shared by the API and the
 * console. Closing it stops core's background work (execution recorder, after writing what is
 * queued; cache invalidation listener; API keys' last-use writer, after writing what it holds;
 * billing grace sweep); the database and the extensions
 * (model providers, key storage, billing provider) are closed by their owners (the wiring place,
 * the plugin host). Build it with {@link #builder(Database, CoreSettings)}.
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
    private final LastUseWriter apiKeyLastUses;
    private final InvalidationListener invalidationListener;
    private final ProviderRegistry providerRegistry;
    private final ModelService modelService;
    private final ByokService byokService;
    private final PluginService pluginService;
    private final ExecutionRecorder executionRecorder;
    private final RollupAggregator rollupAggregator;
    private final DeadlineWatchdog deadlineWatchdog;
    private final ExecutionService executionService;
    private final ExecutionHistoryService executionHistoryService;
    private final AnalyticsService analyticsService;
    private final PlatformUsageService platformUsageService;
    private final SupportService supportService;
    private final Billing billing;

    CoreServices(Database database, CoreSettings settings, List<ModelProvider> providers,
                         List<KeyStorage> keyStorages, List<BillingProvider> billingProviders, PluginInventory plugins) {
        this.database = database;
        Transactions transactions = new Transactions(database.dbClient());
        this.planCatalog = new PlanCatalog(settings.plans());
        Clock clock = settings.clock();
        this.auditLog = new AuditLog(new AuditRepository(), transactions, clock);
        this.usageService = new UsageService(transactions, new UsageRepository(), planCatalog, clock);
        UserRepository userRepository = new UserRepository();
        ApiKeyRepository apiKeyRepository = new ApiKeyRepository();
        ApiKeyCache apiKeyCache = new ApiKeyCache();
        this.apiKeyLastUses = new LastUseWriter(transactions, apiKeyRepository, LastUseWriter.DEFAULT_INTERVAL);
        this.apiKeyService = new ApiKeyService(transactions, apiKeyRepository, userRepository,
                new ApiKeyCodec(settings.apiKeyPepper()), auditLog, planCatalog, apiKeyCache, apiKeyLastUses, clock);
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
        this.providerRegistry = new ProviderRegistry(providers);
        this.versionService = new VersionService(promptRepository, versionRepository, transactions, auditLog,
                productionCache, providerRegistry, clock);
        this.modelService = new ModelService(providerRegistry, planCatalog);
        this.pluginService = new PluginService(plugins);
        ByokKeyCache byokKeyCache = new ByokKeyCache();
        this.byokService = new ByokService(transactions, new ByokRepository(), byokKeyCache,
                single(keyStorages, KeyStorage::id, "key storage"), providerRegistry, auditLog, planCatalog, clock);
        this.billing = new Billing(transactions, single(billingProviders, BillingProvider::id, "billing provider"),
                userService, userRepository, auditLog, planCatalog, settings.billing(), apiKeyService::forgetUser, clock);
        // before any background work starts: a failed check leaves nothing running
        byokService.verifyStoredKeysOpen();
        this.invalidationListener = InvalidationListener.start(database, Map.of(
                ProductionCache.CHANNEL, productionCache,
                ApiKeyCache.CHANNEL, apiKeyCache,
                ByokKeyCache.CHANNEL, byokKeyCache));
        apiKeyLastUses.start();
        ExecutionRepository executionRepository = new ExecutionRepository();
        RollupRepository rollupRepository = new RollupRepository();
        UnfoldedRuns unfoldedRuns = new UnfoldedRuns();
        RollupWatermark rollupWatermark = new RollupWatermark();
        this.rollupAggregator = new RollupAggregator(transactions, rollupRepository, unfoldedRuns, rollupWatermark,
                RollupAggregator.DEFAULT_INTERVAL).start();
        this.executionRecorder = ExecutionRecorder.start(new Transactions(database.writerDbClient()),
                executionRepository, usageService, rollupAggregator::recorded);
        this.deadlineWatchdog = DeadlineWatchdog.start();
        this.executionService = new ExecutionService(versionService, providerRegistry, modelService::requireAllowed,
                new ByokCredentialsResolver(byokService), usageService, planCatalog, executionRecorder, deadlineWatchdog,
                settings.executions(), clock);
        this.executionHistoryService = new ExecutionHistoryService(transactions, executionRepository);
        this.analyticsService = new AnalyticsService(transactions, rollupRepository, unfoldedRuns, rollupWatermark,
                clock);
        this.platformUsageService = new PlatformUsageService(transactions, new PlatformUsageRepository(), unfoldedRuns,
                rollupWatermark, clock);
        this.supportService = new SupportService(transactions, new SupportRepository(), auditLog, planCatalog, clock);
        billing.startSweep();
    }

    /** The one extension of a kind the platform uses; several are a start-up error naming them. */
    private static <T> Optional<T> single(List<T> extensions, Function<T, String> id, String kind) {
        if (extensions.size() > 1) {
            throw new StartupException("More than one " + kind + " plugin is installed ("
                    + String.join(", ", extensions.stream().map(id).toList())
                    + "): keep exactly one, or disable the others with plugins.<id>.enabled: false");
        }
        return extensions.stream().findFirst();
    }

    /** Core services over {@code database}: add started extensions or a plugin host, then {@link CoreServicesBuilder#start()}. */
    public static CoreServicesBuilder builder(Database database, CoreSettings settings) {
        return new CoreServicesBuilder(database, settings);
    }

    /** Core services without any model provider (an empty catalogue). */
    public static CoreServices start(Database database, CoreSettings settings) {
        return builder(database, settings).start();
    }

    /** Core services over already started model providers (with distinct ids), without a plugin host. */
    public static CoreServices start(Database database, CoreSettings settings, List<ModelProvider> providers) {
        return builder(database, settings).providers(providers).start();
    }

    /**
     * Core services over already started model providers and key storages (at most one), without
     * a plugin host.
     *
     * @throws StartupException when several key storages are given, or the key storage cannot open
     *                          the users' saved keys (wrong master keys)
     */
    public static CoreServices start(Database database, CoreSettings settings, List<ModelProvider> providers,
                                     List<KeyStorage> keyStorages) {
        return builder(database, settings).providers(providers).keyStorages(keyStorages).start();
    }

    /**
     * Core services over the plugin host's started providers, key storage and billing provider;
     * administrators see its plugins.
     *
     * @throws StartupException as {@link CoreServicesBuilder#start()}
     */
    public static CoreServices start(Database database, CoreSettings settings, PluginHost plugins) {
        return builder(database, settings).plugins(plugins).start();
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

    public ModelCatalog modelCatalog() {
        return providerRegistry;
    }

    public ModelGateway modelGateway() {
        return providerRegistry;
    }

    public ModelService modelService() {
        return modelService;
    }

    public ByokService byokService() {
        return byokService;
    }

    public PluginService pluginService() {
        return pluginService;
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

    public PlatformUsageService platformUsageService() {
        return platformUsageService;
    }

    public SupportService supportService() {
        return supportService;
    }

    public BillingService billingService() {
        return billing.service();
    }

    public BillingWebhooks billingWebhooks() {
        return billing.webhooks();
    }

    /** The background fold of stored executions into the analytics rollups; tests run it by hand. */
    public RollupAggregator rollupAggregator() {
        return rollupAggregator;
    }

    /** The background downgrade of users whose grace period ran out; tests run it by hand. */
    public GraceSweep graceSweep() {
        return billing.sweep();
    }

    /** True while this node receives other nodes' cache invalidations. */
    public boolean isListeningForInvalidations() {
        return invalidationListener.isListening();
    }

    @Override
    public void close() {
        billing.close();
        executionRecorder.close();
        rollupAggregator.close(); // after the recorder: folds its last batches
        deadlineWatchdog.close();
        invalidationListener.close();
        apiKeyLastUses.close();
    }
}
