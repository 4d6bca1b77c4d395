/**
 * Extension points and value types shared by the Prompt Manager platform and its plugins.
 * Nothing here depends on Helidon, JDBC, JSON libraries or the platform's core.
 */
package io.promptmanager.plugin;
