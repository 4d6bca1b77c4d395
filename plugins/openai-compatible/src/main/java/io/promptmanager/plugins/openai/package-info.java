/**
 * A model provider for any server speaking OpenAI's chat-completions API (OpenAI, Ollama, vLLM,
 * LM Studio …): completions plain and streamed, a configured catalogue, and key checks, with the
 * JDK HTTP client and a bundled Jackson. Built on the plugin API alone.
 *
 * <p>Its response reading (ResponseBody, ChatStream, Json, ChatCodec) deliberately repeats the
 * OpenRouter plugin's: both speak the same wire format, but this plugin exists to prove a third
 * party can write a provider against the plugin API only, so it shares no code with another
 * plugin. A published provider toolkit (issue 7's contract test kit is the place to decide it)
 * would let both depend on one copy.
 */
package io.promptmanager.plugins.openai;
