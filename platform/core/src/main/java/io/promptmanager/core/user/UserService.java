package io.promptmanager.core.user;

import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;

import java.util.Optional;
import java.util.UUID;

/** Accounts: sign-up, sign-in, passwords, administration of users. CONTRACT SKELETON. */
public final class UserService {

    /** Self sign-up (FREE, USER). SIGNUP_DISABLED when switched off; VALIDATION_FAILED; CONFLICT when the email is taken. */
    public User signUp(SignUp signUp) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Checks email and password. Any wrong pair is UNAUTHENTICATED with one generic message;
     * TOO_MANY_ATTEMPTS (a {@link LoginThrottledException} with retry-after) when the account or
     * the client address is throttled; ACCOUNT_DISABLED for a disabled account with the right password.
     */
    public User authenticate(String email, String password, String clientAddress) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Changes the actor's own password after checking the current one. */
    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The account behind an actor, with its plan's entitlements and today's usage. */
    public AccountOverview overview(Actor actor) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The current state of an account, to refresh a console session (empty when gone). */
    public Optional<User> find(UUID id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Admin: users whose email or display name contains {@code query} (null = all), newest first. */
    public Page<User> list(Actor admin, String query, PageRequest page) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Admin: one user; NOT_FOUND when absent. */
    public User get(Actor admin, UUID id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Admin: creates an account. */
    public User create(Actor admin, NewUser newUser) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Admin: changes plan, role or disabled flag; audited (user.plan, user.role, user.disabled). */
    public User update(Actor admin, UUID id, UserChanges changes) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * First start: when no administrator exists, creates one from the given email/password, or
     * with a generated password when {@code password} is null. Returns the generated password, if any.
     */
    public Optional<String> ensureInitialAdmin(String email, String password) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
