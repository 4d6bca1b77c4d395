package io.promptmanager.server.admin;

import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.Role;
import io.promptmanager.server.http.Params;

/** {@code {"email","password","displayName","plan","role"}}; plan defaults to FREE, role to USER. */
public record CreateUserRequest(String email, String password, String displayName, String plan, String role) {
    NewUser toNewUser() {
        return new NewUser(email, password, displayName, Params.enumValue("plan", plan, Plan.class),
                Params.enumValue("role", role, Role.class));
    }

    @Override
    public String toString() {
        return "CreateUserRequest[email=" + email + ", displayName=" + displayName + ", plan=" + plan
                + ", role=" + role + "]";
    }
}
