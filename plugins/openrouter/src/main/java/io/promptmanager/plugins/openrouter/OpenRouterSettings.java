package io.promptmanager.plugins.openrouter;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plugin's configuration ({@code plugins.openrouter.*}), validated once at start.
 *
 * @param systemKey        the platform's own OpenRouter key; null when none is configured
 * @param baseUrl          the API root without a trailing slash, e.g. {@code https://openrouter.ai/api/v1}
 * @param connectTimeout   longest wait for a TCP/TLS connection
 * @param readTimeout      longest silence from OpenRouter: before the response headers, and between
 *                         two pieces of a body
 * @param catalogueRefresh how often the model catalogue is fetched again in the background
 * @param maxRetries       extra attempts after a connection failure or a retryable status
 * @param appUrl           sent as {@code HTTP-Referer} (OpenRouter's app attribution)
 * @param appTitle         sent as {@code X-Title} and {@code X-OpenRouter-Title}
 */
record OpenRouterSettings(String systemKey, URI baseUrl, Duration connectTimeout, Duration readTimeout,
                          Duration catalogueRefresh, int maxRetries, String appUrl, String appTitle) {

    static final String API_KEY = "api-key";
    static final String BASE_URL = "base-url";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String READ_TIMEOUT = "read-timeout";
    static final String CATALOGUE_REFRESH = "catalogue-refresh";
    static final String MAX_RETRIES = "max-retries";
    static final String APP_URL = "app-url";
    static final String APP_TITLE = "app-title";

    static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";
    static final String DEFAULT_APP_URL = "https://promptmanager.io";
    static final String DEFAULT_APP_TITLE = "Prompt Manager";
    static final int MOST_RETRIES = 10;

    // What an HTTP header value may hold: visible ASCII (keys: no spaces either).
    private static final Pattern HEADER_TEXT = Pattern.compile("[\\x20-\\x7E]+");
    private static final Pattern KEY_TEXT = Pattern.compile("[\\x21-\\x7E]+");

    /**
     * Reads and checks every setting.
     *
     * @throws PluginConfigurationException naming the first invalid key (never its value)
     */
    static OpenRouterSettings from(PluginSettings settings) {
        String systemKey = settings.get(API_KEY).map(String::trim).orElse(null);
        if (systemKey != null && !isSendableKey(systemKey)) {
            throw new PluginConfigurationException(API_KEY, "must contain only visible ASCII characters");
        }
        return new OpenRouterSettings(
                systemKey,
                baseUrl(settings.get(BASE_URL, DEFAULT_BASE_URL).trim()),
                positive(settings, CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                positive(settings, READ_TIMEOUT, Duration.ofSeconds(60)),
                positive(settings, CATALOGUE_REFRESH, Duration.ofMinutes(10)),
                retries(settings.getInt(MAX_RETRIES, 2)),
                appUrl(settings.get(APP_URL, DEFAULT_APP_URL).trim()),
                headerText(APP_TITLE, settings.get(APP_TITLE, DEFAULT_APP_TITLE).trim()));
    }

    /** The system key, if one is configured. */
    Optional<String> systemKeyIfAny() {
        return Optional.ofNullable(systemKey);
    }

    /** True when {@code key} can travel in an {@code Authorization} header as it is. */
    static boolean isSendableKey(String key) {
        return key != null && key.length() <= 1024 && KEY_TEXT.matcher(key).matches();
    }

    @Override
    public String toString() {
        return "OpenRouterSettings[systemKey=" + (systemKey == null ? "none" : "configured")
                + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", catalogueRefresh=" + catalogueRefresh + ", maxRetries=" + maxRetries
                + ", appUrl=" + appUrl + ", appTitle=" + appTitle + "]";
    }

    private static URI baseUrl(String value) {
        URI uri = httpUri(BASE_URL, value);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new PluginConfigurationException(BASE_URL, "must not have a query or fragment");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static String appUrl(String value) {
        headerText(APP_URL, value);
        return httpUri(APP_URL, value).toString();
    }

    private static URI httpUri(String key, String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw new PluginConfigurationException(key, "must be an http or https URL with a host and no user info");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new PluginConfigurationException(key, "must be an http or https URL");
        }
    }

    private static String headerText(String key, String value) {
        if (!HEADER_TEXT.matcher(value).matches() || value.length() > 200) {
            throw new PluginConfigurationException(key, "must be 1 to 200 visible ASCII characters");
        }
        return value;
    }

    private static Duration positive(PluginSettings settings, String key, Duration fallback) {
        Duration value = settings.getDuration(key, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new PluginConfigurationException(key, "must be a positive duration");
        }
        return value;
    }

    private static int retries(int value) {
        if (value < 0 || value > MOST_RETRIES) {
            throw new PluginConfigurationException(MAX_RETRIES, "must be between 0 and " + MOST_RETRIES);
        }
        return value;
    }
}
