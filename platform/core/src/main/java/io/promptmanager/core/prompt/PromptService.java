package io.promptmanager.core.prompt;

import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.user.Actor;

/** The prompt catalogue of each user. Another user's prompt is NOT_FOUND. CONTRACT SKELETON. */
public final class PromptService {
    public Page<Prompt> list(Actor actor, PromptFilter filter, PageRequest page) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Prompt get(Actor actor, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Prompt create(Actor actor, PromptInput input) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Prompt update(Actor actor, String name, PromptInput input) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void delete(Actor actor, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
