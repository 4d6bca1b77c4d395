package io.promptmanager.plugins.openaiwire;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The library is bundled inside plugins: it may use what a plugin may use, and nothing of a plugin. */
class LibraryArchitectureTest {
    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.promptmanager.plugins.openaiwire");

    @Test
    void dependsOnlyOnTheJdkThePluginApiJacksonAndHttpClient() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.net..", "io.promptmanager.plugin..", "io.promptmanager.plugins.openaiwire..",
                        "com.fasterxml.jackson..", "org.apache.hc..")
                .check(LIBRARY);
    }
}
