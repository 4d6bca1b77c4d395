package io.promptmanager.core.support;

/** What a user writes to open a request: a subject (at most 200 characters) and a first message (at most 10,000). */
public record NewSupportRequest(String subject, String message) {
}
