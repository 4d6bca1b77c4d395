package io.promptmanager.core.prompt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Mustache templates ({@code {{variable}}}, sections for booleans) rendered without HTML
 * escaping: prompts are text for a model, not HTML. Partials and template inheritance are refused
 * because a prompt version must be self-contained.
 */
final class TemplateEngine {
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .emptyStringIsFalse(true)
            .zeroIsFalse(true)
            .withFormatter(TemplateEngine::format);

    // Runs render the same few templates over and over: parse each once. Bounded by the total
    // length of the cached sources (about 16 M characters), since one template may be 100 k long.
    private final Cache<String, Compiled> compiled = Caffeine.newBuilder()
            .maximumWeight(16_000_000)
            .weigher((String source, Compiled parsed) -> source.length() + 1)
            .build();

    /** Parses a template (or returns it parsed before) and lists the variable names it uses; fails on a syntax error. */
    Compiled compile(String source) {
        return compiled.get(source, TemplateEngine::parse);
    }

    private static Compiled parse(String source) {
        Template template;
        try {
            template = COMPILER.compile(source);
        } catch (MustacheException e) {
            throw new TemplateSyntaxException(e.getMessage());
        }
        Set<String> names = new LinkedHashSet<>();
        template.visit(new NameCollector(names));
        return new Compiled(template, Collections.unmodifiableSet(names));
    }

    private static CharSequence format(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    /** A parsed template and the variable names it references (sections included). */
    record Compiled(Template template, Set<String> variables) {
        /** Renders with every referenced variable present in {@code values}. */
        String render(Map<String, Object> values) {
            return template.execute(values);
        }
    }

    /** The template cannot be parsed; the message is jmustache's, safe to show (it names the line). */
    static final class TemplateSyntaxException extends RuntimeException {
        TemplateSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    private record NameCollector(Set<String> names) implements Mustache.Visitor {
        @Override
        public void visitText(String text) {
            // plain text carries no variable
        }

        @Override
        public void visitVariable(String name) {
            names.add(name);
        }

        @Override
        public boolean visitInclude(String name) {
            throw new TemplateSyntaxException("partials ({{> " + name + "}}) are not supported");
        }

        @Override
        public boolean visitParent(String name) {
            throw new TemplateSyntaxException("template inheritance ({{< " + name + "}}) is not supported");
        }

        @Override
        public boolean visitBlock(String name) {
            throw new TemplateSyntaxException("blocks ({{$" + name + "}}) are not supported");
        }

        @Override
        public boolean visitSection(String name) {
            names.add(name);
            return true;
        }

        @Override
        public boolean visitInvertedSection(String name) {
            names.add(name);
            return true;
        }
    }
}
