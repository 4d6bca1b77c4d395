package io.promptmanager.core.prompt;

import io.promptmanager.core.user.Actor;

import java.util.List;
import java.util.Map;

/** Versions of a prompt: drafts, promote, archive, rollback, diff, render. CONTRACT SKELETON. */
public final class VersionService {
    public List<PromptVersion> list(Actor actor, String promptName) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public PromptVersion get(Actor actor, String promptName, int number) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A new DRAFT with the next number. */
    public PromptVersion create(Actor actor, String promptName, VersionInput input) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Edits a DRAFT in place; editing a PRODUCTION or ARCHIVED version creates a new DRAFT instead. */
    public PromptVersion update(Actor actor, String promptName, int number, VersionInput input) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Makes the version PRODUCTION and the former one ARCHIVED, in one transaction (rollback = promote an archived one). */
    public PromptVersion promote(Actor actor, String promptName, int number) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public PromptVersion archive(Actor actor, String promptName, int number) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public VersionDiff diff(Actor actor, String promptName, int from, int to) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Strictly renders a version; VALIDATION_FAILED names every missing, undeclared or mistyped variable. */
    public RenderedPrompt render(Actor actor, String promptName, int number, Map<String, Object> variables) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The PRODUCTION version, served from the in-memory cache; NOT_FOUND when there is none. */
    public ProductionVersion production(Actor actor, String promptName) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
