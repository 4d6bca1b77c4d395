package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.keystore.KeyStorageException;
import io.promptmanager.plugin.keystore.KeyStorageException.Reason;
import io.promptmanager.plugin.keystore.SealContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import static io.promptmanager.plugins.keystore.Keys.ALICE;
import static io.promptmanager.plugins.keystore.Keys.BOB;
import static io.promptmanager.plugins.keystore.Keys.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AesGcmKeyStorageTest {
    private final AesGcmKeyStorage storage = Keys.started("k1:" + Keys.randomKey());

    @AfterEach
    void stop() {
        storage.stop();
    }

    @Test
    void opensWhatItSealedForTheSameContext() {
        byte[] sealed = storage.seal(SECRET, ALICE);

        assertThat(storage.open(sealed, ALICE)).isEqualTo(SECRET);
        assertThat(storage.open(storage.seal(new byte[0], ALICE), ALICE)).isEmpty();
        assertThat(storage.id()).isEqualTo("aes-gcm");
    }

    @Test
    void writesTheVersionKeyIdNonceAndTagAndNeverThePlainSecret() {
        byte[] sealed = storage.seal(SECRET, ALICE);

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed[1]).isEqualTo((byte) 2);
        assertThat(new String(sealed, 2, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("k1");
        assertThat(sealed).hasSize(1 + 1 + 2 + 12 + SECRET.length + 16);
        assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(HexFormat.of().formatHex(SECRET, 0, 8));
    }

    @Test
    void aValueSealedForOneUserDoesNotOpenForAnother() {
        byte[] sealedForAlice = storage.seal(SECRET, ALICE);

        KeyStorageException failure = catchThrowableOfType(KeyStorageException.class,
                () -> storage.open(sealedForAlice, BOB));

        assertThat(failure.reason()).isEqualTo(Reason.TAMPERED_OR_WRONG_CONTEXT);
        assertThat(failure.getMessage()).doesNotContain("sk-or");
    }

    @Test
    void aValueSealedForOnePurposeDoesNotOpenForAnother() {
        byte[] sealed = storage.seal(SECRET, ALICE);

        assertThatThrownBy(() -> storage.open(sealed, new SealContext("user:alice", "byok:other")))
                .isInstanceOfSatisfying(KeyStorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED_OR_WRONG_CONTEXT));
    }

    @Test
    void tenThousandSealsOfOneValueUseTenThousandDistinctNonces() {
        Set<String> nonces = new HashSet<>();
        Set<String> values = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            byte[] sealed = storage.seal(SECRET, ALICE);
            nonces.add(HexFormat.of().formatHex(sealed, 4, 4 + 12));
            values.add(HexFormat.of().formatHex(sealed));
        }

        assertThat(nonces).hasSize(10_000);
        assertThat(values).hasSize(10_000);
    }

    @Test
    void flippingAnySingleByteOfASealedValueMakesItFailToOpen() {
        byte[] sealed = storage.seal(SECRET, ALICE);
        int headerLength = 4;

        for (int position = 0; position < sealed.length; position++) {
            byte[] altered = sealed.clone();
            altered[position] ^= 0x01;

            KeyStorageException failure = catchThrowableOfType(KeyStorageException.class,
                    () -> storage.open(altered, ALICE));

            assertThat(failure).as("byte %d flipped", position).isNotNull();
            if (position >= headerLength) {
                assertThat(failure.reason()).as("byte %d flipped", position).isEqualTo(Reason.TAMPERED_OR_WRONG_CONTEXT);
            }
        }
    }

    @Test
    void rejectsShortForeignAndUnknownVersionBytesAsMalformed() {
        byte[] sealed = storage.seal(SECRET, ALICE);
        byte[] unknownVersion = sealed.clone();
        unknownVersion[0] = 2;

        for (byte[] foreign : new byte[][] {new byte[0], {1}, Arrays.copyOf(sealed, 20), unknownVersion,
                "not sealed at all, just text".getBytes()}) {
            assertThatThrownBy(() -> storage.open(foreign, ALICE)).isInstanceOfSatisfying(KeyStorageException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
            assertThatThrownBy(() -> storage.needsReseal(foreign)).isInstanceOfSatisfying(KeyStorageException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void refusesToSealOrOpenOnceStopped() {
        byte[] sealed = storage.seal(SECRET, ALICE);

        storage.stop();

        assertThatThrownBy(() -> storage.open(sealed, ALICE)).isInstanceOfSatisfying(KeyStorageException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INTERNAL));
        assertThatThrownBy(() -> storage.seal(SECRET, ALICE)).isInstanceOf(KeyStorageException.class);
    }
}
