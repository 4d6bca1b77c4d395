package io.promptmanager.plugin.tck;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** A plugin's build can use the kit because the kit needs nothing a plugin does not have: the plugin API, JUnit, AssertJ. */
class KitArchitectureTest {
    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.promptmanager.plugin.tck");

    @Test
    void dependsOnlyOnTheJdkThePluginApiJUnitAndAssertJ() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.promptmanager.plugin..",
                        "org.pf4j..", "org.junit.jupiter.api..", "org.assertj.core..", "org.opentest4j..")
                .check(KIT);
    }
}
