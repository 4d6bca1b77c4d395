package io.promptmanager.core.testing;

import io.promptmanager.plugin.model.ModelProvider;
import org.pf4j.ExtensionPoint;
import org.slf4j.LoggerFactory;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a real PF4J plugin zip at test time, the way the plugins build does: the sources are
 * compiled against plugin-api and PF4J only (as {@code provided} dependencies), with PF4J's
 * annotation processor writing {@code META-INF/extensions.idx}, and zipped as
 * {@code plugin.properties} + {@code classes/}.
 */
public final class PluginZip {
    private final String pluginId;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private String version = "1.0.0";
    private String requires = ">=0.1.0 & <1.0.0";
    private String pluginClass;

    private PluginZip(String pluginId) {
        this.pluginId = pluginId;
    }

    /** A plugin with this {@code Plugin-Id}, version 1.0.0, requiring {@code >=0.1.0 & <1.0.0}. */
    public static PluginZip plugin(String pluginId) {
        return new PluginZip(pluginId);
    }

    public PluginZip version(String version) {
        this.version = version;
        return this;
    }

    public PluginZip requires(String requires) {
        this.requires = requires;
        return this;
    }

    /** The {@code org.pf4j.Plugin} subclass to start (none: PF4J's default Plugin). */
    public PluginZip pluginClass(String className) {
        this.pluginClass = className;
        return this;
    }

    /** A class to compile into the plugin, by its fully qualified name. */
    public PluginZip source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /**
     * A model provider {@code <package>.<Name>} with id {@code providerId}: its {@code start} runs
     * {@code startBody} (the settings are {@code settings}); {@code models()} returns the field
     * {@code models} (a {@code List<ModelInfo>}, initially empty), the calls refuse with BAD_REQUEST.
     */
    public PluginZip provider(String className, String providerId, String startBody) {
        return provider(className, providerId, startBody, "");
    }

    /** As {@link #provider(String, String, String)}, with more members (a {@code stop()}, fields …). */
    public PluginZip provider(String className, String providerId, String startBody, String members) {
        int dot = className.lastIndexOf('.');
        return source(className, """
                package %s;

                import io.promptmanager.plugin.PluginSettings;
                import io.promptmanager.plugin.model.*;
                import java.math.BigDecimal;
                import java.nio.file.*;
                import java.util.*;

                @org.pf4j.Extension
                public class %s implements ModelProvider {
                    protected volatile List<ModelInfo> models = List.of();

                    public String id() { return "%s"; }
                    public String displayName() { return "%s"; }
                    public void start(PluginSettings settings) {
                        try {
                            starting(settings);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    }
                    private void starting(PluginSettings settings) throws Exception {
                        %s
                    }
                    public List<ModelInfo> models() { return models; }
                    public CompletionResult complete(CompletionRequest request) { throw refused(); }
                    public CompletionResult stream(CompletionRequest request, StreamListener listener) { throw refused(); }
                    public KeyCheck checkKey(Credentials credentials) { throw refused(); }
                    private static ProviderException refused() {
                        return new ProviderException(ProviderException.Kind.BAD_REQUEST, "a test provider runs nothing", false);
                    }
                    %s
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1), providerId, providerId,
                startBody, members));
    }

    /** Compiles and writes {@code <name>-<version>.zip} into {@code pluginsDir}; returns the zip. */
    public Path writeTo(Path pluginsDir) {
        try {
            Path work = Files.createTempDirectory("plugin-build");
            Path classes = work.resolve("classes");
            Files.createDirectories(classes);
            compile(classes);
            Path zip = pluginsDir.resolve(pluginId.substring(pluginId.lastIndexOf('.') + 1) + "-" + version + ".zip");
            Files.createDirectories(pluginsDir);
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("plugin.properties"));
                out.write(properties().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.closeEntry();
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new ZipEntry("classes/" + classes.relativize(file).toString().replace('\\', '/')));
                        Files.copy(file, out);
                        out.closeEntry();
                    }
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String properties() {
        return "plugin.id=" + pluginId + "\n"
                + "plugin.version=" + version + "\n"
                + "plugin.requires=" + requires + "\n"
                + "plugin.provider=Prompt Manager tests\n"
                + (pluginClass == null ? "" : "plugin.class=" + pluginClass + "\n");
    }

    private void compile(Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("-d", classes.toString(), "-classpath", providedClasspath(),
                "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor", "-Xlint:-options", "-nowarn");
        boolean ok = compiler.getTask(diagnostics, null, null, options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("The test plugin " + pluginId + " does not compile:\n" + diagnostics);
        }
    }

    /** What a plugin compiles against: plugin-api, PF4J and SLF4J, all provided by the host. */
    private static String providedClasspath() {
        return String.join(java.io.File.pathSeparator,
                location(ModelProvider.class), location(ExtensionPoint.class), location(LoggerFactory.class));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
