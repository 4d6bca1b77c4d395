package io.promptmanager.core.testing;

import io.promptmanager.core.apikey.ApiKeyCache;
import io.promptmanager.core.apikey.ApiKeyCodec;
import io.promptmanager.core.apikey.ApiKeyRepository;
import io.promptmanager.core.apikey.ApiKeyService;
import io.promptmanager.core.apikey.LastUseWriter;
import io.promptmanager.core.audit.AuditEntry;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.audit.AuditRepository;
import io.promptmanager.core.cache.InvalidationListener;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.plan.PlanSettings;
import io.promptmanager.core.quota.UsageRepository;
import io.promptmanager.core.quota.UsageService;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.LoginThrottle;
import io.promptmanager.core.user.PasswordHasher;
import io.promptmanager.core.user.UserRepository;
import io.promptmanager.core.user.UserService;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The account services (users, API keys, usage) wired over one database, as the application wires
 * them, except that nothing runs in the background: the API key cache is not registered with a
 * listener (so it stays suspended: every authentication reads the database) and last uses are
 * written when a test calls {@code lastUses.flush()}.
 */
public final class AccountsFixture {
    public static final byte[] PEPPER = "accounts-fixture-pepper-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final PasswordHasher HASHER = new PasswordHasher();

    public final Database database;
    public final Transactions transactions;
    public final AuditLog audit;
    public final PlanCatalog plans;
    public final UsageService usage;
    public final UserService users;
    public final ApiKeyCache apiKeyCache;
    public final LastUseWriter lastUses;
    public final ApiKeyService apiKeys;
    public final LoginThrottle throttle;

    public AccountsFixture(Database database, Clock clock) {
        this(database, clock, AccountSettings.defaults(), PlanSettings.defaults());
    }

    /** Over these transactions, e.g. on a statement-counting pool. */
    public AccountsFixture(Database database, Transactions transactions, Clock clock) {
        this(database, transactions, clock, AccountSettings.defaults(), PlanSettings.defaults());
    }

    public AccountsFixture(Database database, Clock clock, AccountSettings accounts, PlanSettings planSettings) {
        this(database, new Transactions(database.dbClient()), clock, accounts, planSettings);
    }

    private AccountsFixture(Database database, Transactions transactions, Clock clock, AccountSettings accounts,
                            PlanSettings planSettings) {
        this.database = database;
        this.transactions = transactions;
        this.audit = new AuditLog(new AuditRepository(), transactions, clock);
        this.plans = new PlanCatalog(planSettings);
        this.usage = new UsageService(transactions, new UsageRepository(), plans, clock);
        this.throttle = new LoginThrottle(clock);
        UserRepository userRepository = new UserRepository();
        ApiKeyRepository apiKeyRepository = new ApiKeyRepository();
        this.apiKeyCache = new ApiKeyCache();
        this.lastUses = new LastUseWriter(transactions, apiKeyRepository, LastUseWriter.DEFAULT_INTERVAL);
        this.apiKeys = new ApiKeyService(transactions, apiKeyRepository, userRepository,
                new ApiKeyCodec(PEPPER), audit, plans, apiKeyCache, lastUses, clock);
        this.users = new UserService(transactions, userRepository, HASHER, throttle, audit, plans, usage,
                accounts, clock, apiKeys::forgetUser);
    }

    /**
     * Lets this node's API key cache keep keys, invalidated by the database's notifications on
     * {@code connector}'s connections; returns once listening. The caller closes the listener.
     */
    public InvalidationListener listen(InvalidationListener.Connector connector) throws InterruptedException {
        InvalidationListener listener = new InvalidationListener(connector, Map.of(ApiKeyCache.CHANNEL, apiKeyCache))
                .start();
        if (!listener.awaitListening(Duration.ofSeconds(10))) {
            listener.close();
            throw new IllegalStateException("the invalidation listener did not start listening");
        }
        return listener;
    }

    /** Every audit entry, newest first, read page by page as an administrator. */
    public List<AuditEntry> allAuditEntries(Actor admin) {
        List<AuditEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            Page<AuditEntry> page = audit.all(admin, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            entries.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return entries;
    }
}
