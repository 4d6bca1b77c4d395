package io.promptmanager.core.execution;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.VariableDeclaration;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.User;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Accounts and prompts made through core's own services, ready to run. */
final class ExecutionFixture {
    static final Map<String, Object> VARIABLES = Map.of("text", "the quarterly report");

    private final CoreServices core;
    private final Actor admin;

    ExecutionFixture(CoreServices core) {
        this.core = core;
        String email = "admin-" + UUID.randomUUID() + "@example.test";
        core.userService().ensureInitialAdmin(email, "admin-password-0001");
        this.admin = Actor.console(core.userService().firstAdmin().orElseThrow());
    }

    /** A new user acting from the console. */
    Actor console(Plan plan) {
        return Actor.console(user(plan, Role.USER));
    }

    User user(Plan plan, Role role) {
        return core.userService().create(admin, new NewUser("u" + UUID.randomUUID() + "@example.test",
                "a long enough password", "User", plan, role));
    }

    /** A prompt whose version 1 (PRODUCTION) runs {@code model} and needs the variable {@code text}. */
    String productionPrompt(Actor owner, String model) {
        String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
        core.promptService().create(owner, new PromptInput(name, "", null, List.of()));
        core.versionService().create(owner, name, version(model, "Summarise: {{text}}"));
        core.versionService().promote(owner, name, 1);
        return name;
    }

    static VersionInput version(String model, String userTemplate) {
        return new VersionInput(
                List.of(new Message("system", "Be concise."), new Message("user", userTemplate)),
                List.of(new VariableDeclaration("text", "string", true, null, "Input")),
                model, new ModelParameters(null, 64, null, null, null, null, null), "v");
    }
}
