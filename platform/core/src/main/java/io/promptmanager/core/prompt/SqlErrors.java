package io.promptmanager.core.prompt;

import java.sql.SQLException;

/** Recognises database refusals the services turn into domain errors. */
final class SqlErrors {
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /** True when {@code failure} (or a cause) is a unique-constraint violation. */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
