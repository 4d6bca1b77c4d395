package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.PluginConfigurationException;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured master keys: the last listed is the newest and seals, every one can open.
 *
 * <p>Text form (setting {@code master-keys} and the key file alike): entries {@code id:base64key}
 * separated by commas or line breaks; lines starting with {@code #} are comments. A single entry
 * may be a bare base64 key, which gets the id {@value #DEFAULT_ID}. Errors name the setting,
 * never a value.
 */
final class MasterKeys {
    static final String DEFAULT_ID = "default";

    private final Map<String, MasterKey> byId;
    private final MasterKey newest;

    private MasterKeys(List<MasterKey> keys) {
        Map<String, MasterKey> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key.id(), key));
        this.byId = Collections.unmodifiableMap(map);
        this.newest = keys.getLast();
    }

    /**
     * @param text    the entries
     * @param setting the setting (or file) they come from, named in errors
     * @throws PluginConfigurationException when there is no entry, a key is not 32 bytes of
     *                                      base64, an id is invalid or listed twice
     */
    static MasterKeys parse(String text, String setting) {
        List<String> entries = entries(text);
        if (entries.isEmpty()) {
            throw new PluginConfigurationException(setting, "lists no master key");
        }
        List<MasterKey> keys = new ArrayList<>();
        for (String entry : entries) {
            MasterKey key = entry(entry, entries.size() == 1, setting);
            if (keys.stream().anyMatch(known -> known.id().equals(key.id()))) {
                throw new PluginConfigurationException(setting, "lists the master key id " + key.id() + " twice");
            }
            keys.add(key);
        }
        return new MasterKeys(keys);
    }

    private static List<String> entries(String text) {
        List<String> entries = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            for (String entry : trimmed.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    private static MasterKey entry(String entry, boolean alone, String setting) {
        int colon = entry.indexOf(':');
        if (colon < 0 && !alone) {
            throw new PluginConfigurationException(setting, "must list several master keys as id:base64key");
        }
        String id = colon < 0 ? DEFAULT_ID : entry.substring(0, colon).strip();
        if (!MasterKey.ID.matcher(id).matches()) {
            // The text before ':' may be a mistyped key: never echo it.
            throw new PluginConfigurationException(setting, "has a master key id that is not 1-32 of A-Z a-z 0-9 . _ -");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new PluginConfigurationException(setting, "has a master key " + id + " that is not valid base64");
        }
        if (key.length != MasterKey.KEY_BYTES) {
            throw new PluginConfigurationException(setting,
                    "has a master key " + id + " that is not 32 bytes (AES-256) once base64-decoded");
        }
        return new MasterKey(id, key);
    }

    MasterKey newest() {
        return newest;
    }

    Optional<MasterKey> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    void destroy() {
        byId.values().forEach(MasterKey::destroy);
    }
}
