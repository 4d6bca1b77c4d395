package io.promptmanager.plugins.openai;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md §3: a plugin uses the plugin API, PF4J, SLF4J, the JDK and its own libraries only. */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.promptmanager.plugins.openai");

    @Test
    void usesNothingOfThePlatformButThePluginApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.promptmanager.core..", "io.promptmanager.server..", "io.promptmanager.ui..",
                        "io.promptmanager.app..")
                .check(PLUGIN);
    }

    @Test
    void dependsOnlyOnTheJdkThePluginApiPf4jSlf4jJacksonAndTheWireLibrary() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.net..", "io.promptmanager.plugin..", "io.promptmanager.plugins.openai..",
                        "io.promptmanager.plugins.openaiwire..", "org.pf4j..", "org.slf4j..", "com.fasterxml.jackson..")
                .check(PLUGIN);
    }
}
