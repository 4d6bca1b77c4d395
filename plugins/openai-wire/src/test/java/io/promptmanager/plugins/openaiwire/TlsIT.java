package io.promptmanager.plugins.openaiwire;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * https base URLs: the JVM's default TLS context decides whom to trust (in production the JDK's
 * trust store, or the one {@code javax.net.ssl.trustStore} names; here one made for the test), and
 * the host name must match the certificate.
 */
@Timeout(30)
class TlsIT {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static Path trusted;
    private static Path untrusted;
    private static SSLContext previousDefault;

    private final List<HttpsServer> servers = new ArrayList<>();

    @BeforeAll
    static void trustOneCertificateForLocalhost(@TempDir Path dir) throws Exception {
        trusted = keyPair(dir.resolve("trusted.p12"));
        untrusted = keyPair(dir.resolve("untrusted.p12"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trusted));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        previousDefault = SSLContext.getDefault();
        SSLContext.setDefault(context);
    }

    @AfterAll
    static void restoreTheDefaultTlsContext() {
        SSLContext.setDefault(previousDefault);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void talksToAServerTheTrustStoreVouchesFor() throws Exception {
        try (UpstreamHttp http = http("localhost", server(trusted))) {
            UpstreamHttp.Answer answer = http.get("/models", "k-1", Instant.now().plusSeconds(10));
            try (ResponseBody body = answer.body()) {
                assertThat(new String(body.readAll(1024), StandardCharsets.UTF_8)).isEqualTo("{\"data\":[]}");
            }
        }
    }

    @Test
    void refusesAServerWhoseCertificateNamesAnotherHost() throws Exception {
        try (UpstreamHttp http = http("127.0.0.1", server(trusted))) {
            ProviderException e = catchThrowableOfType(ProviderException.class,
                    () -> http.get("/models", "k-1", Instant.now().plusSeconds(10)));

            assertThat(e.kind()).as("the certificate names localhost only").isEqualTo(Kind.UNAVAILABLE);
        }
    }

    @Test
    void refusesAServerTheTrustStoreDoesNotVouchFor() throws Exception {
        try (UpstreamHttp http = http("localhost", server(untrusted))) {
            ProviderException e = catchThrowableOfType(ProviderException.class,
                    () -> http.get("/models", "k-1", Instant.now().plusSeconds(10)));

            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        }
    }

    private static Path keyPair(Path keyStore) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(keytool.waitFor()).isZero();
        return keyStore;
    }

    private int server(Path keyStore) throws Exception {
        KeyStore keys = load(keyStore);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/v1/models", exchange -> {
            byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    private static KeyStore load(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    private static UpstreamHttp http(String host, int port) {
        URI baseUrl = URI.create("https://" + host + ":" + port + "/v1");
        return new UpstreamHttp(new HttpSettings(baseUrl, Duration.ofSeconds(2), Duration.ofSeconds(5), 0),
                RawUpstreamTestSupport.DIALECT, Map.of(), Clock.systemUTC(), Duration.ofMillis(10));
    }
}
