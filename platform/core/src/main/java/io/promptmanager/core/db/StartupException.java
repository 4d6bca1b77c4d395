package io.promptmanager.core.db;

/** Start-up cannot go on; the message is the one line the operator reads. */
public class StartupException extends RuntimeException {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public StartupException(String message) {
        super(message);
    }
}
