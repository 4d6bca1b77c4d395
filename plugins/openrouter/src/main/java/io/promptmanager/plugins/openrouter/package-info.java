/**
 * The OpenRouter model provider: chat completions (plain and streamed), the model catalogue and
 * key checks over OpenRouter's HTTP API, with the JDK HTTP client and a bundled Jackson.
 */
package io.promptmanager.plugins.openrouter;
