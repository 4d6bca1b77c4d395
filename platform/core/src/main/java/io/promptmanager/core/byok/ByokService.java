package io.promptmanager.core.byok;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.RetryLaterException;
import io.promptmanager.core.db.StartupException;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.model.ModelGateway;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.keystore.KeyStorageException;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ProviderException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Bring your own key: a PRO user's own OpenRouter key, sealed by the key storage plugin and shown
 * only as its last 4 characters. The key is never returned, logged, put in an error or audited.
 * Saving and testing need a plan with BYOK (administrators follow their plan here); reading and
 * deleting do not, so a user who went back to FREE still sees their inactive key and can remove it.
 */
public final class ByokService {
    public static final String PROVIDER = "openrouter";
    static final Pattern FORMAT = Pattern.compile("sk-or-v1-[0-9a-f]{64}");
    private static final Logger LOG = Logger.getLogger(ByokService.class.getName());

    private final Transactions transactions;
    private final ByokRepository keys;
    private final KeySealer sealer;
    private final ByokKeyCache cache;
    private final ModelGateway gateway;
    private final AuditLog audit;
    private final PlanCatalog plans;
    private final Clock clock;

    /** @param storage the installed key storage; empty when none is (BYOK then answers KEY_STORAGE_UNAVAILABLE) */
    public ByokService(Transactions transactions, ByokRepository keys, ByokKeyCache cache, Optional<KeyStorage> storage,
                       ModelGateway gateway, AuditLog audit, PlanCatalog plans, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.cache = cache;
        this.sealer = new KeySealer(storage);
        this.gateway = gateway;
        this.audit = audit;
        this.plans = plans;
        this.clock = clock;
    }

    /** The actor's saved key; NOT_FOUND when there is none. Needs keys:manage. */
    public ByokStatus get(Actor actor) {
        actor.requireScope(Scope.KEYS_MANAGE);
        ByokKey key = keys.find(transactions.read(), actor.userId())
                .orElseThrow(() -> DomainException.notFound("Provider key")).key();
        return new ByokStatus(key.last4(), key.updatedAt(), entitled(actor.plan()));
    }

    /**
     * Saves (or replaces) the actor's key. PLAN_REQUIRED without BYOK in the plan; VALIDATION_FAILED
     * on {@code key} unless it is {@code sk-or-v1-} and 64 hex digits; KEY_STORAGE_UNAVAILABLE
     * when no key storage is installed.
     */
    public ByokStatus put(Actor actor, String key) {
        requireEntitled(actor);
        requireFormat(key);
        byte[] sealed = seal(actor.userId(), key);
        Instant now = now();
        ByokKey saved = transactions.inTransaction(exec -> {
            Optional<ByokKey> before = keys.lock(exec, actor.userId()).map(ByokRepository.StoredKey::key);
            ByokKey after = new ByokKey(PROVIDER, last4(key), before.map(ByokKey::createdAt).orElse(now), now);
            keys.save(exec, actor.userId(), sealed, after);
            audit.record(exec, actor, actor.userId(), "byok.set", "byok", actor.userId(), before.orElse(null), after);
            return after;
        });
        cache.forgetUser(actor.userId());
        return new ByokStatus(saved.last4(), saved.updatedAt(), true);
    }

    /**
     * Asks OpenRouter about {@code key}, or about the saved key when {@code key} is null or blank
     * (NOT_FOUND when none is saved). Nothing is stored. PLAN_REQUIRED, VALIDATION_FAILED as for
     * {@link #put}; PROVIDER_UNAVAILABLE or PROVIDER_ERROR when OpenRouter cannot answer.
     */
    public ByokKeyCheck test(Actor actor, String key) {
        requireEntitled(actor);
        String tested;
        if (key == null || key.isBlank()) {
            ByokRepository.StoredKey stored = keys.find(transactions.read(), actor.userId())
                    .orElseThrow(() -> DomainException.notFound("Provider key"));
            tested = open(stored);
        } else {
            requireFormat(key);
            tested = key;
        }
        try {
            KeyCheck check = gateway.checkKey(PROVIDER, Credentials.user(tested));
            return new ByokKeyCheck(check.valid(), check.label(), check.limitRemaining(), check.freeTier());
        } catch (ProviderException e) {
            return switch (e.kind()) {
                case INVALID_CREDENTIALS, INSUFFICIENT_CREDITS -> new ByokKeyCheck(false, null, null, false);
                case RATE_LIMITED, UNAVAILABLE, TIMEOUT -> throw new RetryLaterException(ErrorCode.PROVIDER_UNAVAILABLE,
                        "OpenRouter could not check the key now; try again later", e.retryAfter().orElse(null));
                default -> throw new DomainException(ErrorCode.PROVIDER_ERROR, "OpenRouter could not check the key");
            };
        }
    }

    /** Deletes the actor's key: runs go back to the platform's key. Deleting when none is saved is fine. */
    public void delete(Actor actor) {
        actor.requireScope(Scope.KEYS_MANAGE);
        transactions.run(exec -> keys.lock(exec, actor.userId()).ifPresent(before -> {
            keys.delete(exec, actor.userId());
            audit.record(exec, actor, actor.userId(), "byok.delete", "byok", actor.userId(), before.key(), null);
        }));
        cache.forgetUser(actor.userId());
    }

    /**
     * Admin: seals again, under the newest master key, every saved key the storage says needs it.
     * A key that cannot be opened is counted as failed, logged and left untouched.
     */
    public ResealReport reseal(Actor admin) {
        admin.requireAdmin();
        if (!sealer.installed()) {
            throw new DomainException(ErrorCode.KEY_STORAGE_UNAVAILABLE, KeySealer.NO_STORAGE);
        }
        int examined = 0;
        int resealed = 0;
        int failed = 0;
        for (UUID owner : keys.owners(transactions.read())) {
            examined++;
            try {
                if (resealOne(admin, owner)) {
                    resealed++;
                }
            } catch (KeyStorageException e) {
                failed++;
                LOG.warning(() -> "The saved provider key of user " + owner + " cannot be re-sealed: "
                        + e.reason() + " (" + e.getMessage() + ")");
            }
        }
        ResealReport report = new ResealReport(examined, resealed, failed);
        LOG.info(() -> "BYOK re-seal: " + report);
        return report;
    }

    private boolean resealOne(Actor admin, UUID owner) {
        boolean resealed = transactions.inTransaction(exec -> {
            Optional<ByokRepository.StoredKey> stored = keys.lock(exec, owner);
            if (stored.isEmpty() || !sealer.needsReseal(stored.get().sealed())) {
                return false;
            }
            byte[] after = sealer.seal(owner, sealer.open(owner, stored.get().sealed()));
            boolean changed = keys.reseal(exec, owner, stored.get().sealed(), after);
            if (changed) {
                audit.record(exec, admin, owner, "byok.reseal", "byok", owner, stored.get().key(), stored.get().key());
            }
            return changed;
        });
        if (resealed) {
            cache.forgetUser(owner);
        }
        return resealed;
    }

    /**
     * Start-up: proves the configured master keys still open the saved keys by opening the most
     * recently saved one. Fails with a StartupException when it cannot, or when keys are saved but
     * no key storage is installed, rather than letting every BYOK run fail later.
     */
    public void verifyStoredKeysOpen() {
        Optional<ByokRepository.StoredKey> newest = keys.mostRecent(transactions.read());
        if (newest.isEmpty()) {
            return;
        }
        if (!sealer.installed()) {
            throw new StartupException("Users' saved BYOK keys exist but no key storage plugin is installed: "
                    + "install the keystore-aes plugin with the master keys that sealed them");
        }
        try {
            sealer.open(newest.get().userId(), newest.get().sealed());
        } catch (KeyStorageException e) {
            throw new StartupException("The configured master keys cannot open stored BYOK keys — check PM_MASTER_KEY ("
                    + e.reason() + ": " + e.getMessage() + ")", e);
        }
    }

    /**
     * The key a run of the actor uses, when they saved one and their plan includes BYOK. The plan
     * is the actor's (current for each request), so a downgrade applies at once; the sealed key,
     * or its absence, comes from the cache, and is opened for this run only.
     */
    Optional<String> activeKey(Actor actor) {
        if (!sealer.installed() || !entitled(actor.plan())) {
            return Optional.empty();
        }
        return cache.get(actor.userId(), userId -> keys.find(transactions.read(), userId)).map(this::open);
    }

    private String open(ByokRepository.StoredKey stored) {
        try {
            return sealer.open(stored.userId(), stored.sealed());
        } catch (KeyStorageException e) {
            LOG.warning(() -> "The saved provider key of user " + stored.userId() + " cannot be opened: "
                    + e.reason() + " (" + e.getMessage() + ")");
            throw new DomainException(ErrorCode.KEY_STORAGE_UNAVAILABLE,
                    "Your saved provider key cannot be opened; save it again or delete it");
        }
    }

    private byte[] seal(UUID userId, String key) {
        try {
            return sealer.seal(userId, key);
        } catch (KeyStorageException e) {
            LOG.warning(() -> "A provider key of user " + userId + " cannot be sealed: " + e.reason()
                    + " (" + e.getMessage() + ")");
            throw new DomainException(ErrorCode.KEY_STORAGE_UNAVAILABLE, "Your key cannot be stored safely now; "
                    + "try again later");
        }
    }

    private void requireEntitled(Actor actor) {
        actor.requireScope(Scope.KEYS_MANAGE);
        if (!entitled(actor.plan())) {
            throw DomainException.planRequired("Bringing your own OpenRouter key");
        }
    }

    private boolean entitled(Plan plan) {
        return plans.entitlements(plan).byok();
    }

    private static void requireFormat(String key) {
        if (key == null || !FORMAT.matcher(key).matches()) {
            // the message never repeats what was sent: it may be a real key with a typo
            throw DomainException.invalid("key", "an OpenRouter key is sk-or-v1- followed by 64 hexadecimal digits");
        }
    }

    private static String last4(String key) {
        return key.substring(key.length() - 4);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
