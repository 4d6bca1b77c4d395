package io.promptmanager.core.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progressive delay after failed sign-ins, per account and per client address, never a
 * permanent lockout: after a few free failures each further failure doubles the wait (capped),
 * and a quiet period forgets the history. A throttled attempt is refused before the password is
 * looked at.
 *
 * <p>State lives in this node's memory (bounded, expiring): each node of a cluster throttles on
 * its own, which still bounds guessing to a few attempts per minute per node. Thread-safe.
 */
public final class LoginThrottle {
    /**
     * How one kind of key is throttled.
     *
     * @param freeFailures failures allowed before any wait
     * @param firstDelay   the wait after the first failure beyond the free ones; doubles after each next one
     * @param maxDelay     the longest wait
     * @param forgetAfter  a key without failures for this long starts afresh
     */
    public record Policy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
        public Policy {
            if (freeFailures < 0 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                    || forgetAfter.compareTo(maxDelay) < 0) {
                throw new IllegalArgumentException("inconsistent login throttle policy");
            }
        }

        Duration delayAfter(int failures) {
            int beyond = failures - freeFailures;
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            Duration delay = firstDelay.multipliedBy(1L << Math.min(beyond - 1, 30));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** Per account: 5 free failures, then 1 s, 2 s, 4 s … up to 5 minutes. */
    public static final Policy ACCOUNT_POLICY =
            new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));
    /** Per address: more free failures, since many people can share one address (NAT, proxies). */
    public static final Policy ADDRESS_POLICY =
            new Policy(20, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1));

    private static final int MAX_TRACKED_KEYS = 100_000;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Policy accountPolicy;
    private final Policy addressPolicy;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    public LoginThrottle(Clock clock) {
        this(clock, ACCOUNT_POLICY, ADDRESS_POLICY);
    }

    public LoginThrottle(Clock clock, Policy accountPolicy, Policy addressPolicy) {
        this.clock = clock;
        this.accountPolicy = accountPolicy;
        this.addressPolicy = addressPolicy;
        this.accounts = cache(accountPolicy);
        this.addresses = cache(addressPolicy);
    }

    private Cache<String, Failures> cache(Policy policy) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_KEYS)
                .expireAfterWrite(policy.forgetAfter())
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /**
     * Fails with {@link LoginThrottledException} while the account or the address must wait.
     *
     * @param account the normalised e-mail
     * @param address the client address, or null when there is none (e.g. a password change)
     */
    public void check(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(accounts, accountPolicy, account, now),
                address == null ? Duration.ZERO : remaining(addresses, addressPolicy, addressKey(address), now));
        if (wait.isPositive()) {
            throw new LoginThrottledException(roundUpToSeconds(wait));
        }
    }

    /** Counts one failed attempt against the account and the address (null = none). */
    public void recordFailure(String account, String address) {
        Instant now = clock.instant();
        increment(accounts, accountPolicy, account, now);
        if (address != null) {
            increment(addresses, addressPolicy, addressKey(address), now);
        }
    }

    /**
     * Clears the account after a successful sign-in. The address keeps its count (it expires on
     * its own), or one valid account would let an attacker reset the address counter at will.
     */
    public void recordSuccess(String account) {
        accounts.invalidate(account);
    }

    private Duration remaining(Cache<String, Failures> cache, Policy policy, String key, Instant now) {
        Failures failures = current(cache.getIfPresent(key), policy, now);
        if (failures == null) {
            return Duration.ZERO;
        }
        Instant retryAt = failures.last().plus(policy.delayAfter(failures.count()));
        return retryAt.isAfter(now) ? Duration.between(now, retryAt) : Duration.ZERO;
    }

    private void increment(Cache<String, Failures> cache, Policy policy, String key, Instant now) {
        cache.asMap().compute(key, (k, old) -> {
            Failures still = current(old, policy, now);
            return new Failures(still == null ? 1 : still.count() + 1, now);
        });
    }

    private static Failures current(Failures failures, Policy policy, Instant now) {
        if (failures == null || !failures.last().plus(policy.forgetAfter()).isAfter(now)) {
            return null;
        }
        return failures;
    }

    /**
     * IPv6 clients are counted per /64, the block one subscriber usually holds, or rotating
     * through its addresses would escape the per-address limit. IPv4 and anything unparsable
     * count as given.
     */
    static String addressKey(String address) {
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.indexOf(':') < 0 || !literal.matches("[0-9A-Fa-f:.%]+")) {
            return literal;
        }
        try {
            // only a literal reaches here (hex digits, colons, dots), so no name is ever resolved
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet6Address ipv6) {
                byte[] bytes = ipv6.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return prefix.append(":/64").toString();
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration roundUpToSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
