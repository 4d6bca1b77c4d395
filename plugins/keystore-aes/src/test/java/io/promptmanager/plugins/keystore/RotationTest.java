package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.keystore.KeyStorageException;
import io.promptmanager.plugin.keystore.KeyStorageException.Reason;
import org.junit.jupiter.api.Test;

import static io.promptmanager.plugins.keystore.Keys.ALICE;
import static io.promptmanager.plugins.keystore.Keys.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotationTest {
    private final String k1 = "k1:" + Keys.randomKey();
    private final String k2 = "k2:" + Keys.randomKey();

    @Test
    void aValueSealedUnderAnOlderKeyStillOpensAndAsksToBeResealed() {
        // given a value sealed when k1 was the only key
        byte[] sealedUnderK1 = Keys.started(k1).seal(SECRET, ALICE);

        // when k2 is added last
        AesGcmKeyStorage rotated = Keys.started(k1 + "," + k2);

        // then
        assertThat(rotated.open(sealedUnderK1, ALICE)).isEqualTo(SECRET);
        assertThat(rotated.needsReseal(sealedUnderK1)).isTrue();
        byte[] resealed = rotated.seal(rotated.open(sealedUnderK1, ALICE), ALICE);
        assertThat(rotated.needsReseal(resealed)).isFalse();
        assertThat(new String(resealed, 2, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("k2");
    }

    @Test
    void aValueSealedUnderAKeyNoLongerConfiguredDoesNotOpen() {
        byte[] sealedUnderK1 = Keys.started(k1).seal(SECRET, ALICE);

        AesGcmKeyStorage onlyK2 = Keys.started(k2);

        assertThatThrownBy(() -> onlyK2.open(sealedUnderK1, ALICE)).isInstanceOfSatisfying(KeyStorageException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_MASTER_KEY));
        assertThat(onlyK2.needsReseal(sealedUnderK1)).isTrue();
    }

    @Test
    void aDifferentKeyUnderTheSameIdFailsAuthentication() {
        byte[] sealed = Keys.started("k1:" + Keys.randomKey()).seal(SECRET, ALICE);

        assertThatThrownBy(() -> Keys.started(k1).open(sealed, ALICE)).isInstanceOfSatisfying(KeyStorageException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED_OR_WRONG_CONTEXT));
    }

    @Test
    void aSingleBareKeyIsNamedDefault() {
        String bare = Keys.randomKey();
        byte[] sealed = Keys.started(bare).seal(SECRET, ALICE);

        assertThat(new String(sealed, 2, 7, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("default");
        assertThat(Keys.started("default:" + bare + ", " + k2).open(sealed, ALICE)).isEqualTo(SECRET);
    }
}
