package io.promptmanager.core.apikey;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyCodecTest {
    private static final byte[] PEPPER = "0123456789abcdef0123456789abcdef-pepper".getBytes(StandardCharsets.US_ASCII);

    private final ApiKeyCodec codec = new ApiKeyCodec(PEPPER);

    @Test
    void hashIsTheHmacSha256OfTheSecretUnderThePepperEveryTime() throws Exception {
        String first = codec.generate();
        String second = codec.generate();

        assertThat(codec.hash(first)).isEqualTo(referenceHmac(first)).isEqualTo(codec.hash(first));
        assertThat(codec.hash(second)).isEqualTo(referenceHmac(second));
        assertThat(codec.hash(first)).isNotEqualTo(codec.hash(second));
    }

    @Test
    void concurrentHashesDoNotShareState() throws Exception {
        List<String> secrets = IntStream.range(0, 64).mapToObj(i -> codec.generate()).toList();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Callable<Boolean>> checks = secrets.stream()
                    .<Callable<Boolean>>map(secret -> () -> IntStream.range(0, 200)
                            .allMatch(i -> Arrays.equals(codec.hash(secret), referenceHmac(secret))))
                    .toList();
            for (Future<Boolean> check : threads.invokeAll(checks)) {
                assertThat(check.get()).isTrue();
            }
        }
    }

    @Test
    void theCallersPepperArrayIsCopied() throws Exception {
        byte[] pepper = PEPPER.clone();
        ApiKeyCodec own = new ApiKeyCodec(pepper);
        String secret = own.generate();
        Arrays.fill(pepper, (byte) 0);

        assertThat(own.hash(secret)).isEqualTo(referenceHmac(secret));
    }

    @Test
    void generatedKeysAreWellFormedAndAMistypeIsNot() {
        String secret = codec.generate();
        char last = secret.charAt(secret.length() - 1);
        String mistyped = secret.substring(0, secret.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertThat(secret).startsWith(ApiKeyCodec.PREFIX).hasSize(ApiKeyCodec.PREFIX.length() + 38);
        assertThat(codec.isWellFormed(secret)).isTrue();
        assertThat(codec.isWellFormed(mistyped)).isFalse();
    }

    @Test
    void aShortPepperIsRefused() {
        assertThatThrownBy(() -> new ApiKeyCodec(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] referenceHmac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PEPPER, "HmacSHA256"));
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
