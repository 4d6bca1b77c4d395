package io.promptmanager.core.execution;

/** Where a run's cost comes from. */
public enum CostSource {
    /** Charged amount as the provider reported it. */
    PROVIDER,
    /** Computed from the catalogue's prices and the reported tokens. */
    ESTIMATED,
    /** Neither reported nor computable (variable prices, failed run). */
    UNKNOWN
}
