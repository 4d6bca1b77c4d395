package io.promptmanager.core.apikey;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Validator;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserRepository;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * API keys: PRO (or ADMIN) only, stored as keyed hashes, shown once. Authentication answers from
 * the {@link ApiKeyCache} of keys that authenticated, so a request reads nothing from the
 * database: a change made on this node (revocation, plan, role, disabled) is applied to it at
 * once, one made anywhere else as soon as its database notification arrives. A key's expiry is
 * checked at every request. Last use is recorded in memory and written by the {@link LastUseWriter}.
 */
public final class ApiKeyService {
    public static final String OPERATOR_KEY_NAME = "operator key (PM_ADMIN_API_KEY)";
    static final String INVALID_KEY = "Invalid or expired API key";
    static final int MAX_NAME_LENGTH = 100;
    private static final int MIN_OPERATOR_KEY_LENGTH = 32;
    private static final int MAX_SECRET_LENGTH = 512;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

    private final Transactions transactions;
    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final ApiKeyCodec codec;
    private final AuditLog audit;
    private final PlanCatalog plans;
    private final ApiKeyCache cache;
    private final LastUseWriter lastUses;
    private final Clock clock;

    public ApiKeyService(Transactions transactions, ApiKeyRepository keys, UserRepository users, ApiKeyCodec codec,
                         AuditLog audit, PlanCatalog plans, ApiKeyCache cache, LastUseWriter lastUses, Clock clock) {
        this.transactions = transactions;
        this.keys = keys;
        this.users = users;
        this.codec = codec;
        this.audit = audit;
        this.plans = plans;
        this.cache = cache;
        this.lastUses = lastUses;
        this.clock = clock;
    }

    /**
     * Creates a key for the actor; PLAN_REQUIRED on FREE (non-admin); needs keys:manage. A key
     * can only grant scopes the actor holds; empty scopes mean all of them.
     */
    public CreatedApiKey create(Actor actor, NewApiKey request) {
        actor.requireScope(Scope.KEYS_MANAGE);
        User owner = users.find(transactions.read(), actor.userId())
                .orElseThrow(() -> DomainException.notFound("User"));
        if (!owner.isAdmin() && !plans.entitlements(owner.plan()).apiKeys()) {
            throw new DomainException(ErrorCode.PLAN_REQUIRED, "API keys require the PRO plan");
        }
        return issue(actor, owner.id(), request, actor.scopes());
    }

    /** The actor's keys, newest first, revoked ones included (marked). */
    public List<ApiKey> list(Actor actor) {
        actor.requireScope(Scope.KEYS_MANAGE);
        return keys.ofUser(transactions.read(), actor.userId());
    }

    /** Revokes one of the actor's keys; NOT_FOUND for another user's key; revoking twice is fine. */
    public void revoke(Actor actor, UUID keyId) {
        actor.requireScope(Scope.KEYS_MANAGE);
        transactions.run(exec -> {
            ApiKey before = keys.lockOneOfUser(exec, keyId, actor.userId())
                    .orElseThrow(() -> DomainException.notFound("API key"));
            if (before.revokedAt() != null) {
                return;
            }
            Instant now = now();
            keys.revoke(exec, keyId, now);
            ApiKey after = new ApiKey(before.id(), before.userId(), before.name(), before.prefix(), before.last4(),
                    before.scopes(), before.createdAt(), before.lastUsedAt(), before.expiresAt(), now);
            audit.record(exec, actor, before.userId(), "apikey.revoke", "apikey", keyId, before, after);
        });
        cache.forgetKey(keyId);
    }

    /**
     * Forgets what this node cached about the user's keys, so a change of their plan, role or
     * disabled flag applies to the next request; call after the change committed.
     */
    public void forgetUser(UUID userId) {
        cache.forgetUser(userId);
    }

    /** Admin: issues a key for a user (provisioning), whatever the user's plan; NOT_FOUND for an unknown user. */
    public CreatedApiKey issueFor(Actor admin, UUID userId, NewApiKey request) {
        admin.requireAdmin();
        admin.requireScope(Scope.KEYS_MANAGE);
        User owner = users.find(transactions.read(), userId).orElseThrow(() -> DomainException.notFound("User"));
        return issue(admin, owner.id(), request, EnumSet.allOf(Scope.class));
    }

    /**
     * The actor behind a presented secret. UNAUTHENTICATED for an unknown, revoked or expired
     * key (one generic message); ACCOUNT_DISABLED; PLAN_REQUIRED when the owner is FREE and not admin.
     */
    public Actor authenticate(String presentedSecret) {
        if (presentedSecret == null || presentedSecret.isEmpty() || presentedSecret.length() > MAX_SECRET_LENGTH
                || (presentedSecret.startsWith(ApiKeyCodec.PREFIX) && !codec.isWellFormed(presentedSecret))) {
            throw invalidKey();
        }
        byte[] hash = codec.hash(presentedSecret);
        ApiKeyRepository.OwnedKey found = cache.get(hash, ignored -> keys.findByHash(transactions.read(), hash)
                .filter(owned -> MessageDigest.isEqual(owned.stored().keyHash(), hash))
                .orElse(null));
        if (found == null) {
            throw invalidKey();
        }
        ApiKey key = found.stored().key();
        Instant now = now();
        try {
            requireUsable(found, now);
        } catch (DomainException refused) {
            // only keys that authenticate are kept: an expired one goes, a restored one is read again
            cache.forget(hash);
            throw refused;
        }
        lastUses.record(key.id(), now);
        return new Actor(key.userId(), found.ownerRole(), found.ownerPlan(), Channel.API, key.id(), key.scopes());
    }

    private void requireUsable(ApiKeyRepository.OwnedKey found, Instant now) {
        ApiKey key = found.stored().key();
        if (key.revokedAt() != null || (key.expiresAt() != null && !key.expiresAt().isAfter(now))) {
            throw invalidKey();
        }
        if (found.ownerDisabled()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
        if (found.ownerRole() != Role.ADMIN && !plans.entitlements(found.ownerPlan()).publicApi()) {
            throw new DomainException(ErrorCode.PLAN_REQUIRED, "The public API requires the PRO plan");
        }
    }

    /**
     * Start-up: makes the operator's {@code PM_ADMIN_API_KEY} a valid all-scope key of
     * {@code adminId}: one key row, created on the first start and brought back in step (owner,
     * secret, scopes, not revoked, no expiry) on every later one. Any string of 32 to 512
     * printable ASCII characters without spaces is accepted (IllegalArgumentException otherwise,
     * whose message never repeats the value).
     */
    public void ensureOperatorKey(UUID adminId, String secret) {
        if (secret == null || secret.length() < MIN_OPERATOR_KEY_LENGTH || secret.length() > MAX_SECRET_LENGTH
                || !PRINTABLE.matcher(secret).matches()) {
            throw new IllegalArgumentException("PM_ADMIN_API_KEY must be " + MIN_OPERATOR_KEY_LENGTH + " to "
                    + MAX_SECRET_LENGTH + " printable ASCII characters without spaces");
        }
        if (secret.startsWith(ApiKeyCodec.PREFIX) && !codec.isWellFormed(secret)) {
            // authenticate() refuses such look-alikes before any lookup, so this value could never work
            throw new IllegalArgumentException("PM_ADMIN_API_KEY starts with " + ApiKeyCodec.PREFIX
                    + " but is not a key made by Prompt Manager; choose a value without that prefix");
        }
        byte[] hash = codec.hash(secret);
        transactions.run(exec -> {
            users.find(exec, adminId).filter(User::isAdmin).orElseThrow(() ->
                    new IllegalArgumentException("The owner of PM_ADMIN_API_KEY must be an administrator"));
            Optional<ApiKeyRepository.StoredKey> current = keys.lockOperatorKey(exec);
            keys.findByHash(exec, hash)
                    .filter(owned -> current.isEmpty() || !owned.stored().key().id().equals(current.get().key().id()))
                    .ifPresent(other -> {
                        throw new IllegalArgumentException("PM_ADMIN_API_KEY is already the secret of another API key");
                    });
            ApiKey wanted = operatorKey(adminId, secret, current.map(ApiKeyRepository.StoredKey::key));
            if (current.isEmpty()) {
                keys.insert(exec, wanted, hash, null, true);
                audit.record(exec, null, adminId, "apikey.create", "apikey", wanted.id(), null, wanted);
            } else if (!current.get().key().equals(wanted) || !MessageDigest.isEqual(current.get().keyHash(), hash)) {
                keys.replaceOperatorKey(exec, wanted, hash);
                audit.record(exec, null, adminId, "apikey.rotate", "apikey", wanted.id(), current.get().key(), wanted);
            }
        });
        cache.forgetAll();
    }

    private ApiKey operatorKey(UUID adminId, String secret, Optional<ApiKey> current) {
        return new ApiKey(current.map(ApiKey::id).orElseGet(UUID::randomUUID), adminId, OPERATOR_KEY_NAME,
                "operator", ApiKeyCodec.last4(secret), EnumSet.allOf(Scope.class),
                current.map(ApiKey::createdAt).orElseGet(this::now), current.map(ApiKey::lastUsedAt).orElse(null),
                null, null);
    }

    private CreatedApiKey issue(Actor actor, UUID ownerId, NewApiKey request, Set<Scope> grantable) {
        Instant now = now();
        Set<Scope> requested = request.scopes() == null || request.scopes().isEmpty()
                ? grantable : EnumSet.copyOf(request.scopes());
        String name = request.name() == null ? "" : request.name().strip();
        String notGranted = requested.stream().filter(scope -> !grantable.contains(scope))
                .map(Scope::wireName).sorted().collect(Collectors.joining(", "));
        new Validator()
                .check(!name.isEmpty(), "name", "name is required")
                .check(name.codePointCount(0, name.length()) <= MAX_NAME_LENGTH, "name",
                        "name must be at most " + MAX_NAME_LENGTH + " characters")
                .check(request.expiresAt() == null || request.expiresAt().isAfter(now), "expiresAt",
                        "expiry must be in the future")
                .check(notGranted.isEmpty(), "scopes", "a key cannot grant scopes the current key lacks: " + notGranted)
                .throwIfInvalid();
        String secret = codec.generate();
        ApiKey key = new ApiKey(UUID.randomUUID(), ownerId, name, ApiKeyCodec.visiblePrefix(secret),
                ApiKeyCodec.last4(secret), requested, now, null,
                request.expiresAt() == null ? null : request.expiresAt().truncatedTo(ChronoUnit.MICROS), null);
        transactions.run(exec -> insert(exec, actor, key, codec.hash(secret)));
        return new CreatedApiKey(key, secret);
    }

    private void insert(DbExecute exec, Actor actor, ApiKey key, byte[] hash) {
        keys.insert(exec, key, hash, actor.userId(), false);
        audit.record(exec, actor, key.userId(), "apikey.create", "apikey", key.id(), null, key);
    }

    private static DomainException invalidKey() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, INVALID_KEY);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
