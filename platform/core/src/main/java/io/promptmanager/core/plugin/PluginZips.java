package io.promptmanager.core.plugin;

import org.pf4j.util.FileUtils;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.BiConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Expands the plugin zips of a plugins folder next to themselves (PF4J's layout:
 * {@code x-1.0.zip → x-1.0/}, again when the zip is newer). Each zip is checked first, so a
 * broken one is reported once instead of expanding into an empty folder, and none may write
 * outside its own folder.
 */
final class PluginZips {
    private PluginZips() {
    }

    /** Expands every zip of {@code root}; each that cannot be expanded is reported as (file name, reason). */
    static void expandAll(Path root, BiConsumer<String, String> failures) {
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(root, "*.{zip,ZIP,Zip}")) {
            for (Path zip : zips) {
                try {
                    check(zip);
                    FileUtils.expandIfZip(zip);
                } catch (IOException | RuntimeException e) {
                    failures.accept(zip.getFileName().toString(), "is not a readable plugin zip: "
                            + HostPluginManager.rootMessage(e));
                }
            }
        } catch (IOException e) {
            failures.accept(root.toString(), "the plugins folder cannot be read: " + HostPluginManager.rootMessage(e));
        }
    }

    private static void check(Path zip) throws IOException {
        String fileName = zip.getFileName().toString();
        Path target = zip.resolveSibling(fileName.substring(0, fileName.lastIndexOf('.'))).normalize();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!target.resolve(name).normalize().startsWith(target)) {
                    throw new IOException("the entry " + name + " would be written outside the plugin's folder");
                }
            }
        }
    }
}
