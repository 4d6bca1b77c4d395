package io.promptmanager.core.common;

/** The door a request came through. */
public enum Channel {
    CONSOLE, API
}
