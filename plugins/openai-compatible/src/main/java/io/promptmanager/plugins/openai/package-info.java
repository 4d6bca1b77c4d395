/**
 * A model provider for any server speaking OpenAI's chat-completions API (OpenAI, Ollama, vLLM,
 * LM Studio …): completions plain and streamed, a configured catalogue, and key checks, with the
 * JDK HTTP client and a bundled Jackson. Built on the plugin API alone.
 */
package io.promptmanager.plugins.openai;
