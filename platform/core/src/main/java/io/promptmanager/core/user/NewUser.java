package io.promptmanager.core.user;

import io.promptmanager.core.plan.Plan;

/** An account created by an administrator; null plan/role mean FREE/USER. */
public record NewUser(String email, String password, String displayName, Plan plan, Role role) {
    @Override
    public String toString() {
        return "NewUser[email=" + email + ", displayName=" + displayName + ", plan=" + plan + ", role=" + role + "]";
    }
}
