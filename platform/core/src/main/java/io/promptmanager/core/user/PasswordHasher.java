package io.promptmanager.core.user;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes at the OWASP minimum (19 MiB, 2 iterations, 1 lane), stored as PHC
 * strings so the parameters travel with each hash and can be raised later without breaking
 * existing accounts. Thread-safe.
 */
public final class PasswordHasher {
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int LANES = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    // Bounds for parameters read back from storage, so a corrupted row cannot make one sign-in
    // allocate gigabytes or spin for minutes.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_LANES = 16;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{22,})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final SecureRandom random;
    private final String dummyHash;

    public PasswordHasher() {
        this(new SecureRandom());
    }

    PasswordHasher(SecureRandom random) {
        this.random = random;
        byte[] dummyPassword = new byte[SALT_BYTES];
        random.nextBytes(dummyPassword);
        this.dummyHash = hash(B64.encodeToString(dummyPassword));
    }

    /** A new PHC string for {@code password} with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when {@code password} matches {@code encoded}; false also for a malformed hash. */
    public boolean verify(String password, String encoded) {
        Matcher phc = encoded == null ? null : PHC.matcher(encoded);
        if (password == null || phc == null || !phc.matches()) {
            return false;
        }
        int memory = Integer.parseInt(phc.group(1));
        int iterations = Integer.parseInt(phc.group(2));
        int lanes = Integer.parseInt(phc.group(3));
        if (lanes < 1 || lanes > MAX_LANES || iterations < 1 || iterations > MAX_ITERATIONS
                || memory < 8 * lanes || memory > MAX_MEMORY_KIB) {
            return false;
        }
        byte[] salt = B64_DECODER.decode(phc.group(4));
        byte[] expected = B64_DECODER.decode(phc.group(5));
        byte[] actual = argon2(password, salt, memory, iterations, lanes, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Spends the cost of one verification against a fixed hash, so that an unknown e-mail takes
     * as long to refuse as a wrong password.
     */
    public void verifyDummy(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    /** True when {@code encoded} was made with other parameters than today's and should be redone. */
    public boolean needsRehash(String encoded) {
        return encoded == null || !encoded.startsWith(
                "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "$");
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int lanes,
                                 int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @Override
    public String toString() {
        return "PasswordHasher[argon2id m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + LANES + "]";
    }
}
