package io.promptmanager.plugins.keystore;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** DESIGN.md §3: a plugin uses the plugin API, PF4J, SLF4J, the JDK and its own libraries only. */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.promptmanager.plugins.keystore");

    @Test
    void dependsOnlyOnTheJdkThePluginApiPf4jSlf4jAndBouncyCastle() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "io.promptmanager.plugin..", "io.promptmanager.plugins.keystore..",
                        "org.pf4j..", "org.slf4j..", "org.bouncycastle.crypto..")
                .check(PLUGIN);
    }
}
