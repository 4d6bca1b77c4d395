package io.promptmanager.core.quota;

import io.promptmanager.core.user.Actor;

/** Today's execution counts against the plan's daily limit (UTC days). CONTRACT SKELETON. */
public final class UsageService {
    /** Today's usage of the actor's account. */
    public DailyUsage today(Actor actor) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
