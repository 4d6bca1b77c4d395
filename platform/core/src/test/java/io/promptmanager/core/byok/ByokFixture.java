package io.promptmanager.core.byok;

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
import io.promptmanager.core.user.UserChanges;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Users, prompts and well-formed OpenRouter keys for BYOK tests, made through core's own services. */
final class ByokFixture {
    static final Map<String, Object> VARIABLES = Map.of("text", "the quarterly report");

    private final CoreServices core;
    final Actor admin;

    ByokFixture(CoreServices core) {
        this.core = core;
        core.userService().ensureInitialAdmin("admin-" + UUID.randomUUID() + "@example.test", "admin-password-0001");
        this.admin = Actor.console(core.userService().firstAdmin().orElseThrow());
    }

    Actor user(Plan plan) {
        return Actor.console(core.userService().create(admin, new NewUser("u" + UUID.randomUUID() + "@example.test",
                "a long enough password", "User", plan, Role.USER)));
    }

    /** The same user after an administrator moved them to {@code plan}. */
    Actor changePlan(Actor user, Plan plan) {
        return Actor.console(core.userService().update(admin, user.userId(), new UserChanges(plan, null, null)));
    }

    /** A random well-formed OpenRouter key. */
    static String newKey() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "sk-or-v1-" + HexFormat.of().formatHex(bytes);
    }

    /** A prompt whose PRODUCTION version runs {@code model} of the one provider offering it. */
    String prompt(Actor owner, String model) {
        return prompt(owner, null, model);
    }

    /** A prompt whose PRODUCTION version runs {@code model} of {@code provider}. */
    String prompt(Actor owner, String provider, String model) {
        String name = "p-" + UUID.randomUUID().toString().substring(0, 8);
        core.promptService().create(owner, new PromptInput(name, "", null, List.of()));
        core.versionService().create(owner, name, new VersionInput(
                List.of(new Message("user", "Summarise: {{text}}")),
                List.of(new VariableDeclaration("text", "string", true, null, "Input")),
                provider, model, new ModelParameters(null, 64, null, null, null, null, null), "v"));
        core.versionService().promote(owner, name, 1);
        return name;
    }
}
