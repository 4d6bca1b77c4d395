package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plugin's configuration ({@code plugins.openai-compatible.*}), validated once at start.
 *
 * @param apiKey         the key sent as a Bearer token on system calls; null when none is configured
 *                       (a local Ollama or LM Studio needs none)
 * @param baseUrl        the API root without a trailing slash, e.g. {@code http://localhost:11434/v1}
 * @param models         the catalogue, in configured order; never empty
 * @param connectTimeout longest wait for a TCP/TLS connection
 * @param readTimeout    longest silence from the server: before the response headers, and between
 *                       two pieces of a body
 */
record OpenAiSettings(String apiKey, URI baseUrl, List<ModelInfo> models, Duration connectTimeout,
                      Duration readTimeout) {

    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String MODELS = "models";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String READ_TIMEOUT = "read-timeout";

    private static final int MAX_MODEL_ID = 200;
    // Keys and model ids: visible ASCII without spaces (model ids also without the catalogue's separators).
    private static final Pattern KEY_TEXT = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern MODEL_ID = Pattern.compile("[\\x21-\\x7E&&[^,=]]+");

    OpenAiSettings {
        models = List.copyOf(models);
    }

    /**
     * Reads and checks every setting.
     *
     * @throws PluginConfigurationException naming the first invalid key (never its value)
     */
    static OpenAiSettings from(PluginSettings settings) {
        String apiKey = settings.get(API_KEY).map(String::trim).orElse(null);
        if (apiKey != null && !isSendableKey(apiKey)) {
            throw new PluginConfigurationException(API_KEY, "must contain only visible ASCII characters");
        }
        return new OpenAiSettings(
                apiKey,
                baseUrl(settings.require(BASE_URL).trim()),
                models(settings.require(MODELS)),
                positive(settings, CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                positive(settings, READ_TIMEOUT, Duration.ofSeconds(120)));
    }

    /** The configured key, if any. */
    Optional<String> apiKeyIfAny() {
        return Optional.ofNullable(apiKey);
    }

    /** True when {@code key} can travel in an {@code Authorization} header as it is. */
    static boolean isSendableKey(String key) {
        return key != null && key.length() <= 1024 && KEY_TEXT.matcher(key).matches();
    }

    @Override
    public String toString() {
        return "OpenAiSettings[apiKey=" + (apiKey == null ? "none" : "configured") + ", baseUrl=" + baseUrl
                + ", models=" + models.size() + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }

    /**
     * {@code id[=prompt/completion],…}: prices in USD per token; a model without prices is free.
     * Blank entries (a trailing comma) are ignored; a repeated id is refused.
     */
    static List<ModelInfo> models(String value) {
        List<ModelInfo> models = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            ModelInfo model = model(entry.trim());
            if (!seen.add(model.id())) {
                throw new PluginConfigurationException(MODELS, "names a model more than once");
            }
            models.add(model);
        }
        if (models.isEmpty()) {
            throw new PluginConfigurationException(MODELS, "must name at least one model");
        }
        return models;
    }

    private static ModelInfo model(String entry) {
        int equals = entry.indexOf('=');
        String id = (equals < 0 ? entry : entry.substring(0, equals)).trim();
        if (id.length() > MAX_MODEL_ID || !MODEL_ID.matcher(id).matches()) {
            throw new PluginConfigurationException(MODELS,
                    "must list model ids of visible ASCII characters, each optionally =promptPrice/completionPrice");
        }
        if (equals < 0) {
            return new ModelInfo(id, id, 0, new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, null), true);
        }
        String[] prices = entry.substring(equals + 1).split("/", -1);
        if (prices.length != 2) {
            throw new PluginConfigurationException(MODELS, "must give prices as promptPrice/completionPrice");
        }
        BigDecimal prompt = price(prices[0]);
        BigDecimal completion = price(prices[1]);
        boolean free = prompt.signum() == 0 && completion.signum() == 0;
        return new ModelInfo(id, id, 0, new ModelPricing(prompt, completion, null), free);
    }

    private static BigDecimal price(String text) {
        try {
            BigDecimal price = new BigDecimal(text.trim());
            if (price.signum() < 0) {
                throw new PluginConfigurationException(MODELS, "must not have a negative price");
            }
            return price;
        } catch (NumberFormatException e) {
            throw new PluginConfigurationException(MODELS, "must give prices as decimal USD per token");
        }
    }

    private static URI baseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new PluginConfigurationException(BASE_URL, "must be an http or https URL with a host and no user info");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new PluginConfigurationException(BASE_URL, "must not have a query or fragment");
            }
            String text = uri.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new PluginConfigurationException(BASE_URL, "must be an http or https URL");
        }
    }

    private static Duration positive(PluginSettings settings, String key, Duration fallback) {
        Duration value = settings.getDuration(key, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new PluginConfigurationException(key, "must be a positive duration");
        }
        return value;
    }
}
