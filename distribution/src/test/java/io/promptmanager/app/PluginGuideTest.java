package io.promptmanager.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/plugins.md tells third parties how to build a plugin; plugins/echo-example is built exactly
 * that way (ThirdPartyPluginIT proves it loads and runs). The pom and descriptor the guide shows must
 * stay the example's, or the guide could drift from what is proven.
 */
class PluginGuideTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theGuidesPomIsTheExamplePluginsPom() throws IOException {
        String example = Files.readString(ROOT.resolve("plugins/echo-example/pom.xml"));

        assertThat(lines(block("xml", "<modelVersion>"), "<modelVersion>"))
                .isEqualTo(lines(example, "<modelVersion>"));
    }

    @Test
    void theGuidesDescriptorIsTheExamplePluginsDescriptor() throws IOException {
        String example = Files.readString(ROOT.resolve("plugins/echo-example/src/main/plugin/plugin.properties"));

        assertThat(lines(block("properties", "plugin.id="), "plugin.id=")).isEqualTo(lines(example, "plugin.id="));
    }

    private static String block(String language, String containing) throws IOException {
        Matcher blocks = BLOCK.matcher(Files.readString(ROOT.resolve("docs/plugins.md")));
        while (blocks.find()) {
            if (blocks.group(1).equals(language) && blocks.group(2).contains(containing)) {
                return blocks.group(2);
            }
        }
        throw new AssertionError("docs/plugins.md has no " + language + " block with " + containing);
    }

    /** The non-blank lines from the first one containing {@code from}. */
    private static List<String> lines(String text, String from) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).map(String::stripTrailing).toList();
        return lines.subList(lines.stream().filter(line -> line.contains(from)).findFirst().map(lines::indexOf)
                .orElseThrow(), lines.size());
    }
}
