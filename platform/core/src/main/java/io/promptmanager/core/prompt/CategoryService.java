package io.promptmanager.core.prompt;

import io.promptmanager.core.user.Actor;

import java.util.List;
import java.util.UUID;

/** A user's categories. Deleting one leaves its prompts uncategorised. CONTRACT SKELETON. */
public final class CategoryService {
    public List<Category> list(Actor actor) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Category get(Actor actor, UUID id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Category create(Actor actor, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public Category rename(Actor actor, UUID id, String name) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public void delete(Actor actor, UUID id) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
