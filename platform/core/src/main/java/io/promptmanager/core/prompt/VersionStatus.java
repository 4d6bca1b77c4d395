package io.promptmanager.core.prompt;

/** Life of a version: DRAFT (editable) → PRODUCTION (at most one per prompt) → ARCHIVED. */
public enum VersionStatus {
    DRAFT, PRODUCTION, ARCHIVED
}
