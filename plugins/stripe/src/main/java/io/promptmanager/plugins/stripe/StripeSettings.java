package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.billing.BillingInterval;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The plugin's configuration ({@code plugins.stripe.*}), validated once at start. Its
 * {@link #toString()} names no secret.
 *
 * @param secretKey         the API key: secret ({@code sk_test_…}, {@code sk_live_…}) or restricted ({@code rk_…})
 * @param webhookSecrets    the endpoint signing secrets ({@code whsec_…}); an event signed with any of them
 *                          is genuine, so a rolled secret and its successor can both be listed
 * @param priceMonthly      the PRO price billed every month
 * @param priceYearly       the PRO price billed every year
 * @param apiBase           Stripe's API root without a trailing slash
 * @param webhookTolerance  the most a webhook's signature time may differ from its arrival
 * @param connectTimeout    longest wait for a connection to Stripe
 * @param readTimeout       longest wait for Stripe's answer
 * @param maxNetworkRetries extra attempts stripe-java makes after a connection failure, 409 or 5xx,
 *                          with the same idempotency key
 */
record StripeSettings(String secretKey, List<String> webhookSecrets, String priceMonthly, String priceYearly,
                      URI apiBase, Duration webhookTolerance, Duration connectTimeout, Duration readTimeout,
                      int maxNetworkRetries) {

    static final String SECRET_KEY = "secret-key";
    static final String WEBHOOK_SECRETS = "webhook-secrets";
    static final String PRICE_MONTHLY = "price-monthly";
    static final String PRICE_YEARLY = "price-yearly";
    static final String API_BASE = "api-base";
    static final String WEBHOOK_TOLERANCE = "webhook-tolerance";
    static final String CONNECT_TIMEOUT = "connect-timeout";
    static final String READ_TIMEOUT = "read-timeout";
    static final String MAX_NETWORK_RETRIES = "max-network-retries";

    static final String DEFAULT_API_BASE = "https://api.stripe.com";
    static final int MOST_RETRIES = 5;

    private static final Pattern API_KEY = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9]{8,255}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=_-]{8,255}");
    private static final Pattern PRICE = Pattern.compile("price_[A-Za-z0-9_]{1,255}");
    // stripe-java takes timeouts as int milliseconds.
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Reads and checks every setting.
     *
     * @throws PluginConfigurationException naming the first invalid key (never its value)
     */
    static StripeSettings from(PluginSettings settings) {
        String secretKey = settings.require(SECRET_KEY).trim();
        if (!API_KEY.matcher(secretKey).matches()) {
            throw new PluginConfigurationException(SECRET_KEY,
                    "must be a Stripe secret key (sk_test_…, sk_live_…) or restricted key (rk_test_…, rk_live_…)");
        }
        String priceMonthly = price(settings, PRICE_MONTHLY);
        String priceYearly = price(settings, PRICE_YEARLY);
        if (priceMonthly.equals(priceYearly)) {
            throw new PluginConfigurationException(PRICE_YEARLY, "must be another price than " + PRICE_MONTHLY);
        }
        return new StripeSettings(secretKey, webhookSecrets(settings.require(WEBHOOK_SECRETS)), priceMonthly,
                priceYearly, apiBase(settings.get(API_BASE, DEFAULT_API_BASE).trim()),
                positive(settings, WEBHOOK_TOLERANCE, Duration.ofSeconds(300)),
                timeout(settings, CONNECT_TIMEOUT, Duration.ofSeconds(10)),
                timeout(settings, READ_TIMEOUT, Duration.ofSeconds(30)),
                retries(settings.getInt(MAX_NETWORK_RETRIES, 2)));
    }

    /** The price to check out for {@code interval}. */
    String price(BillingInterval interval) {
        return interval == BillingInterval.YEAR ? priceYearly : priceMonthly;
    }

    /** True for a test-mode key: Stripe moves no real money. */
    boolean testMode() {
        return secretKey.substring(3).startsWith("test_");
    }

    @Override
    public String toString() {
        return "StripeSettings[mode=" + (testMode() ? "test" : "live") + ", webhookSecrets=" + webhookSecrets.size()
                + ", priceMonthly=" + priceMonthly + ", priceYearly=" + priceYearly + ", apiBase=" + apiBase
                + ", webhookTolerance=" + webhookTolerance + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxNetworkRetries=" + maxNetworkRetries + "]";
    }

    private static String price(PluginSettings settings, String key) {
        String value = settings.require(key).trim();
        if (!PRICE.matcher(value).matches()) {
            throw new PluginConfigurationException(key, "must be a Stripe price id (price_…)");
        }
        return value;
    }

    private static List<String> webhookSecrets(String value) {
        List<String> secrets = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (secrets.isEmpty() || !secrets.stream().allMatch(s -> WEBHOOK_SECRET.matcher(s).matches())) {
            throw new PluginConfigurationException(WEBHOOK_SECRETS,
                    "must be one or more webhook signing secrets (whsec_…), separated by commas");
        }
        return secrets;
    }

    private static URI apiBase(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new PluginConfigurationException(API_BASE, "must be an https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()
                || uri.getRawPath().equals("/"))) {
            throw new PluginConfigurationException(API_BASE, "must be a scheme and host only, like " + DEFAULT_API_BASE);
        }
        // The secret key travels in every request: plain http only to this machine (a local fake).
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback(uri.getHost()))) {
            throw new PluginConfigurationException(API_BASE, "must use https (http only for a loopback address)");
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Literal addresses only: never resolve a name while reading settings.
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Duration positive(PluginSettings settings, String key, Duration fallback) {
        Duration value = settings.getDuration(key, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new PluginConfigurationException(key, "must be a positive duration");
        }
        return value;
    }

    private static Duration timeout(PluginSettings settings, String key, Duration fallback) {
        Duration value = positive(settings, key, fallback);
        if (value.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new PluginConfigurationException(key, "must be at most " + LONGEST_TIMEOUT);
        }
        return value;
    }

    private static int retries(int value) {
        if (value < 0 || value > MOST_RETRIES) {
            throw new PluginConfigurationException(MAX_NETWORK_RETRIES, "must be between 0 and " + MOST_RETRIES);
        }
        return value;
    }
}
