package io.promptmanager.core.cache;

/**
 * What a node keeps in memory about database rows, told by the {@link InvalidationListener} when
 * those rows change (on any node, through any write path) and when it cannot hear about changes.
 * Methods are called from the listener's thread; implementations must be thread-safe and quick.
 */
public interface InvalidationTarget {

    /** Applies one notification of this target's channel; an unreadable payload should drop everything. */
    void onNotification(String payload);

    /** Notifications may be missed from now on: read the database every time and keep nothing. */
    void suspend();

    /** Notifications arrive again: start from nothing, since some were missed while suspended. */
    void resume();
}
