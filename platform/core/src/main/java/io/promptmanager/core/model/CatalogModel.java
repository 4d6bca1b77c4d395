package io.promptmanager.core.model;

import io.promptmanager.plugin.model.ModelInfo;

/** A model of the catalogue and the provider that serves it. */
public record CatalogModel(String providerId, ModelInfo info) {
    public String id() {
        return info.id();
    }

    public boolean free() {
        return info.free();
    }
}
