package io.promptmanager.server.admin;

import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.UserChanges;
import io.promptmanager.server.http.Params;

/** {@code {"plan","role","disabled"}}: an absent field stays as it is. */
public record UpdateUserRequest(String plan, String role, Boolean disabled) {
    UserChanges toChanges() {
        return new UserChanges(Params.enumValue("plan", plan, Plan.class), Params.enumValue("role", role, Role.class),
                disabled);
    }
}
