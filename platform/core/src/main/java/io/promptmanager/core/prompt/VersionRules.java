package io.promptmanager.core.prompt;

import io.promptmanager.core.common.Validator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the content of a version and returns it in canonical form. Every problem is reported at
 * once, on JSON paths of the request ({@code messages[0].content}, {@code variables[1].type},
 * {@code parameters.temperature}); templates are compiled strictly, so a message using an
 * undeclared variable is refused.
 */
final class VersionRules {
    static final int MAX_MESSAGES = 50;
    static final int MAX_CONTENT = 100_000;
    static final int MAX_VARIABLES = 100;
    static final int MAX_VARIABLE_DESCRIPTION = 1_000;
    static final int MAX_MODEL = 200;
    static final int MAX_PROVIDER = 100;
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final int MAX_COMMIT_MESSAGE = 500;
    static final int MAX_STOP = 4;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // jmustache resolves "this" to the whole context, so a variable of that name could never be filled
    private static final Set<String> RESERVED_NAMES = Set.of("this");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final TemplateEngine templates;

    VersionRules(TemplateEngine templates) {
        this.templates = templates;
    }

    VersionInput validate(VersionInput input) {
        Validator validator = new Validator();
        if (input == null) {
            validator.check(false, "messages", "at least one message is required").throwIfInvalid();
        }
        List<VariableDeclaration> variables = variables(input.variables(), validator);
        Set<String> declared = new HashSet<>();
        variables.forEach(v -> declared.add(v.name()));
        List<Message> messages = messages(input.messages(), declared, validator);
        String model = input.model() == null ? "" : input.model().strip();
        validator.check(!model.isEmpty(), "model", "a model is required")
                .check(model.length() <= MAX_MODEL, "model", "at most " + MAX_MODEL + " characters");
        String provider = input.provider() == null || input.provider().isBlank() ? null : input.provider().strip();
        validator.check(provider == null || (provider.length() <= MAX_PROVIDER && PROVIDER_ID.matcher(provider).matches()),
                "provider", "must be a provider id such as openrouter (lower-case letters, digits and dashes)");
        ModelParameters parameters = input.parameters() == null ? ModelParameters.none() : input.parameters();
        parameters(parameters, validator);
        String commitMessage = input.commitMessage() == null ? "" : input.commitMessage().strip();
        validator.check(commitMessage.length() <= MAX_COMMIT_MESSAGE, "commitMessage",
                "at most " + MAX_COMMIT_MESSAGE + " characters");
        validator.throwIfInvalid();
        return new VersionInput(messages, variables, provider, model, parameters, commitMessage);
    }

    private List<VariableDeclaration> variables(List<VariableDeclaration> given, Validator validator) {
        if (given == null) {
            return List.of();
        }
        validator.check(given.size() <= MAX_VARIABLES, "variables", "at most " + MAX_VARIABLES + " variables");
        List<VariableDeclaration> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "variables[" + i + "]";
            VariableDeclaration variable = given.get(i);
            if (variable == null) {
                validator.check(false, at, "a variable declaration is required");
                continue;
            }
            String name = variable.name() == null ? "" : variable.name();
            boolean validName = VARIABLE_NAME.matcher(name).matches();
            validator.check(validName, at + ".name",
                            "must start with a letter or underscore, then letters, digits or underscores")
                    .check(!RESERVED_NAMES.contains(name), at + ".name", "'" + name + "' is reserved")
                    .check(!validName || seen.add(name), at + ".name", "'" + name + "' is declared twice");
            var type = VariableType.of(variable.type());
            validator.check(type.isPresent(), at + ".type", "must be string, number or boolean");
            Object defaultValue = variable.defaultValue();
            if (defaultValue != null && type.isPresent()) {
                boolean accepted = type.get().accepts(defaultValue);
                validator.check(accepted, at + ".default", "must be " + type.get().description());
                defaultValue = accepted ? type.get().normalize(defaultValue) : defaultValue;
            }
            String description = variable.description() == null || variable.description().isBlank()
                    ? null : variable.description().strip();
            validator.check(description == null || description.length() <= MAX_VARIABLE_DESCRIPTION,
                    at + ".description", "at most " + MAX_VARIABLE_DESCRIPTION + " characters");
            result.add(new VariableDeclaration(name, variable.type(), variable.required(), defaultValue, description));
        }
        return List.copyOf(result);
    }

    private List<Message> messages(List<Message> given, Set<String> declared, Validator validator) {
        if (given == null || given.isEmpty()) {
            validator.check(false, "messages", "at least one message is required");
            return List.of();
        }
        validator.check(given.size() <= MAX_MESSAGES, "messages", "at most " + MAX_MESSAGES + " messages");
        for (int i = 0; i < given.size(); i++) {
            String at = "messages[" + i + "]";
            Message message = given.get(i);
            if (message == null) {
                validator.check(false, at, "a message is required");
                continue;
            }
            validator.check(message.role() != null && ROLES.contains(message.role()), at + ".role",
                    "must be system, user or assistant");
            content(message.content(), at + ".content", declared, validator);
        }
        return given.stream().map(m -> m == null ? null : new Message(m.role(), m.content())).toList();
    }

    private void content(String content, String field, Set<String> declared, Validator validator) {
        if (content == null || content.isBlank()) {
            validator.check(false, field, "must not be blank");
            return;
        }
        if (content.length() > MAX_CONTENT) {
            validator.check(false, field, "at most " + MAX_CONTENT + " characters");
            return;
        }
        try {
            for (String name : templates.compile(content).variables()) {
                validator.check(declared.contains(name), field, "uses the undeclared variable '" + name + "'");
            }
        } catch (TemplateEngine.TemplateSyntaxException e) {
            validator.check(false, field, "template error: " + e.getMessage());
        }
    }

    private static void parameters(ModelParameters p, Validator validator) {
        range(p.temperature(), BigDecimal.ZERO, TWO, "parameters.temperature", validator);
        range(p.topP(), BigDecimal.ZERO, BigDecimal.ONE, "parameters.topP", validator);
        range(p.frequencyPenalty(), TWO.negate(), TWO, "parameters.frequencyPenalty", validator);
        range(p.presencePenalty(), TWO.negate(), TWO, "parameters.presencePenalty", validator);
        validator.check(p.maxTokens() == null || p.maxTokens() >= 1, "parameters.maxTokens", "must be at least 1");
        if (p.stop() != null) {
            validator.check(p.stop().size() <= MAX_STOP, "parameters.stop", "at most " + MAX_STOP + " stop strings");
            for (int i = 0; i < p.stop().size(); i++) {
                String stop = p.stop().get(i);
                validator.check(stop != null && !stop.isEmpty(), "parameters.stop[" + i + "]", "must not be empty");
            }
        }
    }

    private static void range(BigDecimal value, BigDecimal min, BigDecimal max, String field, Validator validator) {
        validator.check(value == null || (value.compareTo(min) >= 0 && value.compareTo(max) <= 0), field,
                "must be between " + min.toPlainString() + " and " + max.toPlainString());
    }
}
