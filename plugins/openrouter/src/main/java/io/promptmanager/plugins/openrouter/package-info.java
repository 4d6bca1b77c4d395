/**
 * The OpenRouter model provider: chat completions (plain and streamed), the model catalogue and
 * key checks over OpenRouter's HTTP API. The wire format (HTTP exchanges, response reading,
 * streams, JSON) comes from the bundled {@code openai-wire} library; this package holds what is
 * OpenRouter's own: settings, app attribution, error mapping, cost accounting and the catalogue.
 */
package io.promptmanager.plugins.openrouter;
