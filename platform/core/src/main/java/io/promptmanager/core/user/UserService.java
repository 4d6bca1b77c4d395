package io.promptmanager.core.user;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.common.Cursor;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.common.Validator;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.quota.UsageService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Accounts: sign-up, sign-in, passwords, administration of users. */
public final class UserService {
    static final String WRONG_CREDENTIALS = "E-mail or password is incorrect";
    static final String DEFAULT_ADMIN_EMAIL = "admin@localhost";
    private static final String EMAIL_TAKEN = "An account with this e-mail already exists";

    private final Transactions transactions;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final PlanCatalog plans;
    private final UsageService usage;
    private final AccountSettings settings;
    private final AccountRules rules;
    private final Clock clock;
    private final AccountChangeListener accountChanges;

    public UserService(Transactions transactions, UserRepository users, PasswordHasher hasher,
                       LoginThrottle throttle, AuditLog audit, PlanCatalog plans, UsageService usage,
                       AccountSettings settings, Clock clock) {
        this(transactions, users, hasher, throttle, audit, plans, usage, settings, clock, AccountChangeListener.NONE);
    }

    /** @param changes told after each committed change of a plan, role or disabled flag */
    public UserService(Transactions transactions, UserRepository users, PasswordHasher hasher,
                       LoginThrottle throttle, AuditLog audit, PlanCatalog plans, UsageService usage,
                       AccountSettings settings, Clock clock, AccountChangeListener changes) {
        this.accountChanges = changes;
        this.transactions = transactions;
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.plans = plans;
        this.usage = usage;
        this.settings = settings;
        this.rules = new AccountRules(settings);
        this.clock = clock;
    }

    /** Self sign-up (FREE, USER). SIGNUP_DISABLED when switched off; VALIDATION_FAILED; CONFLICT when the email is taken. */
    public User signUp(SignUp signUp) {
        if (!settings.signUpEnabled()) {
            throw new DomainException(ErrorCode.SIGNUP_DISABLED, "Sign-up is disabled");
        }
        rules.checkAccount(new Validator(), signUp.email(), signUp.displayName(), signUp.password()).throwIfInvalid();
        return register(null, signUp.email(), signUp.displayName(), signUp.password(), Plan.FREE, Role.USER);
    }

    /**
     * Checks email and password. Any wrong pair is UNAUTHENTICATED with one generic message;
     * TOO_MANY_ATTEMPTS (a {@link LoginThrottledException} with retry-after) when the account or
     * the client address is throttled; ACCOUNT_DISABLED for a disabled account with the right password.
     */
    public User authenticate(String email, String password, String clientAddress) {
        String account = AccountRules.normaliseEmail(email);
        throttle.check(account, clientAddress);
        if (password == null || password.length() > AccountRules.MAX_PASSWORD_LENGTH || account.isEmpty()) {
            hasher.verifyDummy("");
            throw failedSignIn(account, clientAddress);
        }
        UserRepository.Credentials credentials = users.credentialsByEmail(transactions.read(), account).orElse(null);
        if (credentials == null) {
            hasher.verifyDummy(password);
            throw failedSignIn(account, clientAddress);
        }
        if (!hasher.verify(password, credentials.passwordHash())) {
            throw failedSignIn(account, clientAddress);
        }
        throttle.recordSuccess(account);
        User user = credentials.user();
        if (user.disabled()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This account is disabled");
        }
        if (hasher.needsRehash(credentials.passwordHash())) {
            users.updatePasswordHash(transactions.read(), user.id(), hasher.hash(password), now());
        }
        return user;
    }

    private DomainException failedSignIn(String account, String clientAddress) {
        throttle.recordFailure(account, clientAddress);
        return new DomainException(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS);
    }

    /** Changes the actor's own password after checking the current one. */
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        UserRepository.Credentials credentials = users.credentials(transactions.read(), actor.userId())
                .orElseThrow(() -> DomainException.notFound("User"));
        String account = AccountRules.normaliseEmail(credentials.user().email());
        // The same per-account throttle as sign-in, so a hijacked session cannot guess the password here.
        throttle.check(account, null);
        if (currentPassword == null || currentPassword.length() > AccountRules.MAX_PASSWORD_LENGTH
                || !hasher.verify(currentPassword, credentials.passwordHash())) {
            throttle.recordFailure(account, null);
            throw DomainException.invalid("currentPassword", "current password is incorrect");
        }
        rules.checkPassword(new Validator(), "newPassword", newPassword).throwIfInvalid();
        String hash = hasher.hash(newPassword);
        transactions.run(exec -> {
            User before = credentials.user();
            User after = copy(before, before.plan(), before.role(), before.disabled(), now());
            users.updatePasswordHash(exec, before.id(), hash, after.updatedAt());
            audit.record(exec, actor, before.id(), "user.password", "user", before.id(), before, after);
        });
    }

    /** The account behind an actor, with its plan's entitlements and today's usage. */
    public AccountOverview overview(Actor actor) {
        User user = find(actor.userId()).orElseThrow(() -> DomainException.notFound("User"));
        return new AccountOverview(user, plans.entitlements(user.plan()), usage.today(user.id(), user.plan()));
    }

    /** The current state of an account, to refresh a console session (empty when gone). */
    public Optional<User> find(UUID id) {
        return users.find(transactions.read(), id);
    }

    /** Admin: users whose email or display name contains {@code query} (null = all), newest first. */
    public Page<User> list(Actor admin, String query, PageRequest page) {
        admin.requireAdmin();
        String needle = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor());
        var rows = users.page(transactions.read(), needle, after, page.limit() + 1);
        return Cursor.page(rows, page.limit(), user -> new Cursor(user.createdAt(), user.id()));
    }

    /** Admin: one user; NOT_FOUND when absent. */
    public User get(Actor admin, UUID id) {
        admin.requireAdmin();
        return find(id).orElseThrow(() -> DomainException.notFound("User"));
    }

    /** Admin: creates an account (FREE, USER unless given). */
    public User create(Actor admin, NewUser newUser) {
        admin.requireAdmin();
        rules.checkAccount(new Validator(), newUser.email(), newUser.displayName(), newUser.password()).throwIfInvalid();
        return register(admin, newUser.email(), newUser.displayName(), newUser.password(),
                Objects.requireNonNullElse(newUser.plan(), Plan.FREE),
                Objects.requireNonNullElse(newUser.role(), Role.USER));
    }

    /**
     * Admin: changes plan, role or disabled flag; audited (user.plan, user.role, user.disabled).
     * An administrator can neither demote nor disable themselves, so an administrator always remains.
     */
    public User update(Actor admin, UUID id, UserChanges changes) {
        admin.requireAdmin();
        boolean self = id.equals(admin.userId());
        new Validator()
                .check(!(self && changes.role() == Role.USER), "role", "you cannot remove your own administrator role")
                .check(!(self && Boolean.TRUE.equals(changes.disabled())), "disabled", "you cannot disable your own account")
                .throwIfInvalid();
        User updated = transactions.inTransaction(exec -> {
            // Locking every active admin serialises concurrent admin changes, so two admins
            // demoting each other at once cannot leave the platform without one.
            if (!users.lockActiveAdmins(exec).contains(admin.userId())) {
                throw new DomainException(ErrorCode.FORBIDDEN, "Administrators only");
            }
            User before = users.find(exec, id).orElseThrow(() -> DomainException.notFound("User"));
            Instant now = now();
            User after = before;
            if (changes.plan() != null && changes.plan() != after.plan()) {
                after = audited(exec, admin, "user.plan", after,
                        copy(after, changes.plan(), after.role(), after.disabled(), now));
            }
            if (changes.role() != null && changes.role() != after.role()) {
                after = audited(exec, admin, "user.role", after,
                        copy(after, after.plan(), changes.role(), after.disabled(), now));
            }
            if (changes.disabled() != null && changes.disabled() != after.disabled()) {
                after = audited(exec, admin, "user.disabled", after,
                        copy(after, after.plan(), after.role(), changes.disabled(), now));
            }
            if (after != before) {
                users.update(exec, after);
            }
            return after;
        });
        accountChanges.accountChanged(id);
        return updated;
    }

    /**
     * Billing: sets the plan a verified payment event decided, inside the caller's transaction,
     * audited as {@code user.plan} by the platform (no actor). The caller tells the
     * {@link AccountChangeListener} once its transaction committed. Nothing happens when the user
     * is already on {@code plan}.
     *
     * @return true when the plan changed
     */
    public boolean applyBillingPlan(DbExecute exec, UUID userId, Plan plan) {
        User before = users.lock(exec, userId).orElseThrow(() -> DomainException.notFound("User"));
        if (before.plan() == plan) {
            return false;
        }
        User after = copy(before, plan, before.role(), before.disabled(), now());
        users.update(exec, after);
        audit.record(exec, null, userId, "user.plan", "user", userId, before, after);
        return true;
    }

    /**
     * First start: when no administrator exists, creates one (PRO) from the given email (default
     * {@code admin@localhost}) and password, or with a generated password when {@code password}
     * is null. Returns the generated password, if any; empty when an administrator already exists.
     */
    public Optional<String> ensureInitialAdmin(String email, String password) {
        if (users.anyAdmin(transactions.read())) {
            return Optional.empty();
        }
        String adminEmail = email == null || email.isBlank() ? DEFAULT_ADMIN_EMAIL : email;
        String adminPassword = password == null ? rules.generatePassword() : password;
        rules.checkAccount(new Validator(), adminEmail, "Administrator", adminPassword).throwIfInvalid();
        String hash = hasher.hash(adminPassword);
        boolean created = transactions.inTransaction(exec -> {
            users.lockProvisioning(exec);
            if (users.anyAdmin(exec)) {
                return false;
            }
            insert(exec, null, newUser(adminEmail, "Administrator", Plan.PRO, Role.ADMIN), hash);
            return true;
        });
        return created && password == null ? Optional.of(adminPassword) : Optional.empty();
    }

    /** The longest-standing enabled administrator, e.g. to own the operator's API key. */
    public Optional<User> firstAdmin() {
        return users.oldestActiveAdmin(transactions.read());
    }

    /** Creates an account; {@code actor} null means the new user signs up themselves. */
    private User register(Actor actor, String email, String displayName, String password, Plan plan, Role role) {
        User user = newUser(email, displayName, plan, role);
        String hash = hasher.hash(password);
        transactions.run(exec -> insert(exec, actor == null ? Actor.console(user) : actor, user, hash));
        return user;
    }

    /** Inserts an account and audits it; {@code actor} null is the platform itself. */
    private void insert(DbExecute exec, Actor actor, User user, String hash) {
        if (!users.insert(exec, user, hash)) {
            throw DomainException.conflict(EMAIL_TAKEN);
        }
        audit.record(exec, actor, user.id(), "user.create", "user", user.id(), null, user);
    }

    private User newUser(String email, String displayName, Plan plan, Role role) {
        Instant now = now();
        return new User(UUID.randomUUID(), AccountRules.strip(email), AccountRules.strip(displayName), role, plan,
                false, now, now);
    }

    private User audited(DbExecute exec, Actor admin, String action, User before, User after) {
        audit.record(exec, admin, before.id(), action, "user", before.id(), before, after);
        return after;
    }

    private static User copy(User user, Plan plan, Role role, boolean disabled, Instant updatedAt) {
        return new User(user.id(), user.email(), user.displayName(), role, plan, disabled, user.createdAt(), updatedAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
