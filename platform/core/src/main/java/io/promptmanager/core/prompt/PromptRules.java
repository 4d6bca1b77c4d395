package io.promptmanager.core.prompt;

import io.promptmanager.core.common.Validator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a prompt's own fields and returns them in canonical form (description never null, tags
 * deduplicated in their given order, blank category = none). The category's existence needs the
 * database, so the service checks it on the same {@link Validator}.
 */
final class PromptRules {
    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    static final int MAX_NAME = 80;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 40;
    private static final String SLUG_RULE = "lowercase letters and digits, words joined by single hyphens";

    PromptInput validate(PromptInput input, Validator validator) {
        if (input == null) {
            validator.check(false, "name", "a name is required").throwIfInvalid();
        }
        String name = input.name() == null ? "" : input.name();
        validator.check(!name.isEmpty() && name.length() <= MAX_NAME, "name", "must be 1 to " + MAX_NAME + " characters")
                .check(name.isEmpty() || SLUG.matcher(name).matches(), "name", "must be " + SLUG_RULE);
        String description = input.description() == null ? "" : input.description().strip();
        validator.check(description.length() <= MAX_DESCRIPTION, "description",
                "at most " + MAX_DESCRIPTION + " characters");
        String category = input.category() == null || input.category().isBlank() ? null : input.category().strip();
        return new PromptInput(name, description, category, tags(input.tags(), validator));
    }

    private static List<String> tags(List<String> given, Validator validator) {
        if (given == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String tag = given.get(i);
            boolean valid = tag != null && tag.length() <= MAX_TAG && SLUG.matcher(tag).matches();
            validator.check(valid, "tags[" + i + "]", "must be 1 to " + MAX_TAG + " characters, " + SLUG_RULE);
            if (valid) {
                unique.add(tag);
            }
        }
        validator.check(unique.size() <= MAX_TAGS, "tags", "at most " + MAX_TAGS + " tags");
        return List.copyOf(unique);
    }
}
