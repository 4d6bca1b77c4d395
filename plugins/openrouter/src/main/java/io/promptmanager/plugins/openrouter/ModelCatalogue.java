package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The model catalogue in memory: fetched at start and every {@code refresh} on one daemon thread;
 * a failed refresh keeps the last good list. Thread-safe.
 */
final class ModelCatalogue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalogue.class);

    private final Supplier<List<ModelInfo>> fetch;
    private final Duration refresh;
    private final AtomicReference<List<ModelInfo>> cached = new AtomicReference<>();
    private final Object fetchLock = new Object();
    private final ScheduledExecutorService scheduler;

    ModelCatalogue(Supplier<List<ModelInfo>> fetch, Duration refresh) {
        this.fetch = fetch;
        this.refresh = refresh;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "openrouter-catalogue");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the background refresh, the first one at once. */
    void start() {
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, Math.max(1, refresh.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * The cached models; when nothing is cached yet, fetches them now (one fetch at a time).
     *
     * @throws ProviderException when nothing is cached and the fetch fails
     */
    List<ModelInfo> models() {
        List<ModelInfo> models = cached.get();
        if (models != null) {
            return models;
        }
        synchronized (fetchLock) {
            models = cached.get();
            return models != null ? models : fetchNow();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void refreshQuietly() {
        try {
            synchronized (fetchLock) {
                fetchNow();
            }
        } catch (ProviderException e) {
            if (scheduler.isShutdown()) {
                return; // stopped while fetching: the failure is the stop itself
            }
            LOG.warn("OpenRouter model catalogue not refreshed ({}): {}", e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("OpenRouter model catalogue not refreshed", e);
        }
    }

    private List<ModelInfo> fetchNow() {
        List<ModelInfo> models = fetch.get();
        cached.set(models);
        LOG.debug("OpenRouter model catalogue: {} models", models.size());
        return models;
    }
}
