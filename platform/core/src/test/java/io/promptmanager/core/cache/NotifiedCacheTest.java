package io.promptmanager.core.cache;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NotifiedCacheTest {
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    private static NotifiedCache<String, String> active() {
        NotifiedCache<String, String> cache = new NotifiedCache<>(100);
        cache.resume();
        return cache;
    }

    @Test
    void keepsNothingUntilResumedThenKeepsWhatItLoads() {
        // given
        NotifiedCache<String, String> cache = new NotifiedCache<>(100);

        // when / then: suspended from the start
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");

        // when
        cache.resume();

        // then
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
    }

    @Test
    void aValueLoadedWhileAnInvalidationHappenedIsServedButNotKept() {
        // given
        NotifiedCache<String, String> cache = active();

        // when: another user's change is applied while "a" is being read
        String served = cache.get("a", key -> {
            cache.invalidateIf(value -> value.startsWith("b"));
            return load(key);
        });

        // then
        assertThat(served).isEqualTo("a#1");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void invalidatesOneKeyOrWhatMatches() {
        // given
        NotifiedCache<String, String> cache = active();
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.get("c", this::load);

        // when
        cache.invalidate("a");
        cache.invalidateIf(value -> value.startsWith("b"));

        // then
        assertThat(cache.get("a", this::load)).isEqualTo("a#4");
        assertThat(cache.get("b", this::load)).isEqualTo("b#5");
        assertThat(cache.get("c", this::load)).isEqualTo("c#3");
    }

    @Test
    void doesNotKeepNullsAndStartsEmptyAfterASuspension() {
        // given
        NotifiedCache<String, String> cache = active();
        AtomicInteger absent = new AtomicInteger();
        cache.get("a", this::load);

        // when
        String missing = cache.get("missing", key -> {
            absent.incrementAndGet();
            return null;
        });
        cache.get("missing", key -> {
            absent.incrementAndGet();
            return null;
        });
        cache.suspend();
        String whileSuspended = cache.get("a", this::load);
        cache.resume();

        // then
        assertThat(missing).isNull();
        assertThat(absent).hasValue(2);
        assertThat(whileSuspended).isEqualTo("a#2");
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.isActive()).isTrue();
    }
}
