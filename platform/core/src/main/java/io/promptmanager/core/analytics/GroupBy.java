package io.promptmanager.core.analytics;

/** How an analytics report splits its runs. */
public enum GroupBy {
    DAY, PROMPT, VERSION, MODEL, BILLING_TYPE
}
