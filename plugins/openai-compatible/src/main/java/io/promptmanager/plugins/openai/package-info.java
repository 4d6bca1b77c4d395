/**
 * A model provider for any server speaking OpenAI's chat-completions API (OpenAI, Ollama, vLLM,
 * LM Studio …): completions plain and streamed, a configured catalogue, and key checks. The wire
 * format itself (HTTP exchanges, response reading, streams, JSON, error plumbing) comes from the
 * bundled {@code openai-wire} library it shares with the OpenRouter plugin; this package holds what
 * is this server's own: its settings, its error statuses and its usage (tokens, no cost).
 */
package io.promptmanager.plugins.openai;
