package io.promptmanager.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The module rules of DESIGN.md §3, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.promptmanager");
    }

    @Test
    void importsEveryModule() {
        assertThat(classes.containPackage("io.promptmanager.plugin")).isTrue();
        assertThat(classes.containPackage("io.promptmanager.core")).isTrue();
        assertThat(classes.containPackage("io.promptmanager.server")).isTrue();
        assertThat(classes.containPackage("io.promptmanager.ui")).isTrue();
    }

    @Test
    void pluginApiDependsOnNothingButTheJdkAndPf4j() {
        check(noClasses().that().resideInAPackage("io.promptmanager.plugin..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.helidon..", "java.sql..", "javax.sql..", "jakarta.json..", "com.vaadin..",
                        "io.promptmanager.core..", "io.promptmanager.server..", "io.promptmanager.ui..",
                        "io.promptmanager.app..", "io.promptmanager.plugins.."));
    }

    @Test
    void coreDependsOnNoWebServerConsoleOrPlugin() {
        check(noClasses().that().resideInAPackage("io.promptmanager.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.helidon.webserver..", "io.helidon.http..", "com.vaadin..", "org.eclipse.jetty..",
                        "io.promptmanager.server..", "io.promptmanager.ui..", "io.promptmanager.app..",
                        "io.promptmanager.plugins.."));
    }

    @Test
    void serverDependsOnNoConsoleOrPlugin() {
        check(noClasses().that().resideInAPackage("io.promptmanager.server..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.vaadin..", "org.eclipse.jetty..", "io.promptmanager.ui..", "io.promptmanager.app..",
                        "io.promptmanager.plugins.."));
    }

    @Test
    void consoleUsesServicesNeverRepositoriesOrTheApiServer() {
        check(noClasses().that().resideInAPackage("io.promptmanager.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.promptmanager.server..", "io.helidon.webserver..", "io.helidon.dbclient..",
                        "io.promptmanager.app..", "io.promptmanager.plugins.."));
        check(noClasses().that().resideInAPackage("io.promptmanager.ui..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository"));
    }

    @Test
    void pluginsUseOnlyThePluginApi() {
        check(noClasses().that().resideInAPackage("io.promptmanager.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.promptmanager.core..", "io.promptmanager.server..", "io.promptmanager.ui..",
                        "io.promptmanager.app.."));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }
}
