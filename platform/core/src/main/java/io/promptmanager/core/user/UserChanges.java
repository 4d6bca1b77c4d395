package io.promptmanager.core.user;

import io.promptmanager.core.plan.Plan;

/** What an administrator changes on an account; a null field stays as it is. */
public record UserChanges(Plan plan, Role role, Boolean disabled) {
}
