package io.promptmanager.plugins.stripe;

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
            .importPackages("io.promptmanager.plugins.stripe");

    @Test
    void usesNothingOfThePlatformButThePluginApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.promptmanager.core..", "io.promptmanager.server..", "io.promptmanager.ui..",
                        "io.promptmanager.app..")
                .check(PLUGIN);
    }

    @Test
    void dependsOnlyOnTheJdkThePluginApiPf4jSlf4jAndStripeJava() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.crypto..", "io.promptmanager.plugin..", "io.promptmanager.plugins.stripe..",
                        "org.pf4j..", "org.slf4j..", "com.stripe..", "com.google.gson..")
                .check(PLUGIN);
    }

    @Test
    void neverTouchesStripeJavasGlobalConfiguration() {
        noClasses().should().accessField(com.stripe.Stripe.class, "apiKey")
                .orShould().callMethod(com.stripe.Stripe.class, "overrideApiBase", String.class)
                .orShould().callMethod(com.stripe.Stripe.class, "setMaxNetworkRetries", int.class)
                .check(PLUGIN);
    }
}
