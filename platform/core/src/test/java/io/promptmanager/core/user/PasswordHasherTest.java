package io.promptmanager.core.user;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    // Made by the reference C implementation (libargon2 through argon2-cffi) with the same parameters.
    private static final String REFERENCE_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$MDEyMzQ1Njc4OWFiY2RlZg$gy5SuVm5Z7Vw7keB9se9p87QGcomaseB/S2U1OhTsM0";
    private static final String REFERENCE_UNICODE_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$ZmVkY2JhOTg3NjU0MzIxMA$r3GEXRrpjjcKFSRxuvX6M+TcbsDkvKErX47/TiUY4dM";

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void encodesAPhcStringWithOwaspParametersA16ByteSaltAndA32ByteHash() {
        String encoded = hasher.hash("correct horse battery staple");

        Matcher phc = PHC.matcher(encoded);
        assertThat(phc.matches()).as(encoded).isTrue();
        assertThat(Base64.getDecoder().decode(phc.group(1))).hasSize(16);
        assertThat(Base64.getDecoder().decode(phc.group(2))).hasSize(32);
        assertThat(encoded).doesNotContain("correct");
    }

    @Test
    void verifiesTheRightPasswordAndRejectsAnyOther() {
        String encoded = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", encoded)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", encoded)).isFalse();
        assertThat(hasher.verify("Correct horse battery staple", encoded)).isFalse();
        assertThat(hasher.verify("", encoded)).isFalse();
    }

    @Test
    void saltsEachHashSoTwoHashesOfOnePasswordDiffer() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("same password", first)).isTrue();
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    void verifiesHashesMadeByTheReferenceImplementation() {
        assertThat(hasher.verify("correct horse battery staple", REFERENCE_HASH)).isTrue();
        assertThat(hasher.verify("correct horse battery staplE", REFERENCE_HASH)).isFalse();
        assertThat(hasher.verify("pässwörd ✓", REFERENCE_UNICODE_HASH)).isTrue();
    }

    @Test
    void readsTheParametersFromTheStoredHash() {
        String cheaper = REFERENCE_HASH.replace("m=19456,t=2", "m=19456,t=3");

        assertThat(hasher.verify("correct horse battery staple", cheaper)).isFalse();
        assertThat(hasher.needsRehash(cheaper)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("x"))).isFalse();
    }

    @Test
    void refusesMalformedOrExorbitantHashesWithoutThrowing() {
        assertThat(hasher.verify("pw", null)).isFalse();
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("pw", REFERENCE_HASH.replace("argon2id", "argon2i"))).isFalse();
        assertThat(hasher.verify("pw", REFERENCE_HASH.replace("m=19456", "m=99999999"))).isFalse();
        assertThat(hasher.verify(null, REFERENCE_HASH)).isFalse();
    }

    @Test
    void spendsOneVerificationOnADummyHashForUnknownAccounts() {
        // CPU time of this thread, the fastest of three tries: unlike wall time it does not grow
        // when the machine is busy, so the bound holds on a loaded CI box.
        long dummy = fastestCpuNanos(() -> hasher.verifyDummy("some password"));
        long real = fastestCpuNanos(() -> hasher.verify("some password", REFERENCE_HASH));

        // The dummy must do real Argon2 work (same memory and passes), not return at once.
        assertThat(dummy).isGreaterThan(real / 4);
    }

    private static long fastestCpuNanos(Runnable work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = threads.getCurrentThreadCpuTime();
            work.run();
            fastest = Math.min(fastest, threads.getCurrentThreadCpuTime() - start);
        }
        return fastest;
    }

    @Test
    void neverShowsAHashOrPasswordInToString() {
        assertThat(hasher.toString()).doesNotContain("$argon2id$");
    }
}
