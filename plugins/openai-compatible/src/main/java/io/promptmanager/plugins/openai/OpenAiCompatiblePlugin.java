package io.promptmanager.plugins.openai;

import org.pf4j.Plugin;

/**
 * The PF4J plugin holding {@link OpenAiCompatibleModelProvider}. It has no life of its own: the
 * provider is started and stopped by the host through {@code ModelProvider.start/stop}.
 */
public final class OpenAiCompatiblePlugin extends Plugin {
}
