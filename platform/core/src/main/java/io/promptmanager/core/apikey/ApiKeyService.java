package io.promptmanager.core.apikey;

import io.promptmanager.core.user.Actor;

import java.util.List;
import java.util.UUID;

/** API keys: PRO (or ADMIN) only, stored as keyed hashes, shown once. CONTRACT SKELETON. */
public final class ApiKeyService {

    /** Creates a key for the actor; PLAN_REQUIRED on FREE (non-admin); needs keys:manage. */
    public CreatedApiKey create(Actor actor, NewApiKey request) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The actor's keys, newest first, revoked ones included (marked). */
    public List<ApiKey> list(Actor actor) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Revokes one of the actor's keys; NOT_FOUND for another user's key. */
    public void revoke(Actor actor, UUID keyId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Admin: issues a key for a user (provisioning), whatever the user's plan. */
    public CreatedApiKey issueFor(Actor admin, UUID userId, NewApiKey request) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The actor behind a presented secret. UNAUTHENTICATED for an unknown, revoked or expired
     * key (one generic message); ACCOUNT_DISABLED; PLAN_REQUIRED when the owner is FREE and not admin.
     */
    public Actor authenticate(String presentedSecret) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Start-up: makes the operator's {@code PM_ADMIN_API_KEY} a valid all-scope key of {@code adminId}. */
    public void ensureOperatorKey(UUID adminId, String secret) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
