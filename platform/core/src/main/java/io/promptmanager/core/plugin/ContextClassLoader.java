package io.promptmanager.core.plugin;

/**
 * Runs plugin code with the plugin's class loader as the thread's context class loader, so
 * libraries inside the plugin that look up services through it (JSON-B, JAX-RS clients …) find
 * the plugin's own.
 */
public final class ContextClassLoader {
    private ContextClassLoader() {
    }

    /** Runs {@code action} with {@code extension}'s class loader as context class loader. */
    public static void run(Object extension, Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(extension.getClass().getClassLoader());
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Calls {@code action} with {@code extension}'s class loader as context class loader. */
    public static <T> T call(Object extension, java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(extension.getClass().getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
