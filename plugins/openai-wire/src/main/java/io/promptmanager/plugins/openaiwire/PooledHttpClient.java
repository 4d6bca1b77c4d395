package io.promptmanager.plugins.openaiwire;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of one provider: blocking HTTP/1.1 on the calling thread (Apache HttpClient 5
 * classic) over pooled keep-alive connections. Nothing happens behind the caller's back: no
 * redirect followed, no automatic retry (a POST is never re-sent silently; {@link UpstreamHttp}
 * decides), no cookies, no compression, no authentication caching, no protocol upgrade. TLS uses
 * the JDK's trust store (honouring the {@code javax.net.ssl.*} system properties) and verifies
 * host names.
 */
final class PooledHttpClient {
    /** Connections kept per provider: as many runs in flight as a node sensibly serves at once. */
    static final int MAX_CONNECTIONS = 256;
    // A pooled connection idle this long is checked before reuse (a server that closed it is seen).
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);
    // Idle connections closed in the background: below the keep-alive timeout of most servers.
    private static final TimeValue MAX_IDLE = TimeValue.ofSeconds(30);

    private PooledHttpClient() {
    }

    static CloseableHttpClient create(HttpSettings settings) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setRequestExecutor(new DeadlineRequestExecutor())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .disableConnectionState()
                .evictIdleConnections(MAX_IDLE)
                .build();
    }
}
