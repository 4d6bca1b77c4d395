package io.promptmanager.plugin.tck;

import org.assertj.core.api.SoftAssertions;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;

/** Checks that no secret shows anywhere an exception may be printed: messages, toString, causes, stack trace. */
final class Secrets {
    private Secrets() {
    }

    static void assertNotShown(SoftAssertions softly, Throwable thrown, Collection<String> secrets) {
        StringWriter printed = new StringWriter();
        thrown.printStackTrace(new PrintWriter(printed));
        StringBuilder shown = new StringBuilder(printed.toString());
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            shown.append('\n').append(t).append('\n').append(t.getMessage()).append('\n').append(t.getLocalizedMessage());
        }
        for (String secret : secrets) {
            softly.assertThat(shown.toString()).as("what %s shows", thrown.getClass().getName())
                    .doesNotContain(secret);
        }
    }
}
