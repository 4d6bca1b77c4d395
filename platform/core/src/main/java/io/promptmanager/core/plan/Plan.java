package io.promptmanager.core.plan;

/** What a user pays for. */
public enum Plan {
    FREE, PRO
}
