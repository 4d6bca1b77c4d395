package io.promptmanager.core.user;

/** What a user may administer. */
public enum Role {
    USER, ADMIN
}
