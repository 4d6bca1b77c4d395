package io.promptmanager.core.user;

import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginThrottleTest {
    private static final String ACCOUNT = "ada@example.com";
    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void allowsAFewFreeFailuresThenAsksToWaitOneSecond() {
        // given five failures: still free
        failTimes(5, ACCOUNT, ADDRESS);
        assertThatCode(() -> throttle.check(ACCOUNT, ADDRESS)).doesNotThrowAnyException();

        // when one more fails
        throttle.recordFailure(ACCOUNT, ADDRESS);

        // then the next attempt must wait a second
        assertThat(waitFor(ACCOUNT, ADDRESS)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void doublesTheWaitAfterEachFurtherFailureUpToAFewMinutes() {
        failTimes(5, ACCOUNT, ADDRESS);

        assertThat(failAfterWaiting()).isEqualTo(Duration.ofSeconds(1));
        assertThat(failAfterWaiting()).isEqualTo(Duration.ofSeconds(2));
        assertThat(failAfterWaiting()).isEqualTo(Duration.ofSeconds(4));
        assertThat(failAfterWaiting()).isEqualTo(Duration.ofSeconds(8));
        for (int i = 0; i < 10; i++) {
            failAfterWaiting();
        }
        assertThat(failAfterWaiting()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void neverLocksOutForGoodAcceptingAgainOnceTheWaitIsOver() {
        // given an account hammered far beyond the free failures
        failTimes(5, ACCOUNT, ADDRESS);
        for (int i = 0; i < 20; i++) {
            failAfterWaiting();
        }
        assertThat(waitFor(ACCOUNT, ADDRESS)).isEqualTo(Duration.ofMinutes(5));

        // when the wait has passed
        clock.advance(Duration.ofMinutes(5));

        // then an attempt is allowed again
        assertThatCode(() -> throttle.check(ACCOUNT, ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void tellsTheRemainingWaitRoundedUpToWholeSeconds() {
        failTimes(8, ACCOUNT, ADDRESS); // third failure beyond the free ones: 4 s

        clock.advance(Duration.ofMillis(1500));

        assertThat(waitFor(ACCOUNT, ADDRESS)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void successClearsTheAccountsCounter() {
        failTimes(6, ACCOUNT, ADDRESS);
        clock.advance(Duration.ofSeconds(1));

        throttle.recordSuccess(ACCOUNT);
        throttle.recordFailure(ACCOUNT, "198.51.100.1");

        assertThatCode(() -> throttle.check(ACCOUNT, "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void throttlesAnAddressThatTriesManyAccountsButNotOtherAddresses() {
        // given 20 failures from one address, each on a different account
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i + "@example.com", ADDRESS);
        }
        assertThatCode(() -> throttle.check("fresh@example.com", ADDRESS)).doesNotThrowAnyException();

        // when one more fails
        throttle.recordFailure("user20@example.com", ADDRESS);

        // then that address waits, even for an account it never tried, while others do not
        assertThat(waitFor("fresh@example.com", ADDRESS)).isEqualTo(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.check("fresh@example.com", "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void allowsMoreFailuresPerAddressThanPerAccount() {
        failTimes(6, ACCOUNT, ADDRESS);

        assertThat(waitFor(ACCOUNT, "198.51.100.1")).isEqualTo(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.check("other@example.com", ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void countsIpv6ClientsPerSlash64SoRotatingAddressesDoesNotHelp() {
        for (int i = 0; i < 21; i++) {
            throttle.recordFailure("user" + i + "@example.com", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }

        assertThat(waitFor("fresh@example.com", "[2001:0db8:0001:0002:ffff:ffff:ffff:ffff]"))
                .isEqualTo(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.check("fresh@example.com", "2001:db8:1:3::1")).doesNotThrowAnyException();
    }

    @Test
    void keysAddressesByIpv4AddressOrIpv6Block() {
        assertThat(LoginThrottle.addressKey(" 203.0.113.7 ")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.addressKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.addressKey("2001:DB8::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(LoginThrottle.addressKey("unix:socket")).isEqualTo("unix:socket");
    }

    @Test
    void forgetsFailuresAfterAQuietHour() {
        failTimes(12, ACCOUNT, ADDRESS);

        clock.advance(Duration.ofHours(1));
        throttle.recordFailure(ACCOUNT, ADDRESS);

        assertThatCode(() -> throttle.check(ACCOUNT, ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void refusesWithTooManyAttemptsAndARetryAfter() {
        failTimes(6, ACCOUNT, null);

        LoginThrottledException refused = catchThrowableOfType(LoginThrottledException.class,
                () -> throttle.check(ACCOUNT, null));

        assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.getMessage()).isEqualTo("Too many failed sign-ins. Try again in 1 seconds.");
    }

    private void failTimes(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(account, address);
        }
    }

    /** Waits until allowed, fails once more and returns the wait that failure imposes. */
    private Duration failAfterWaiting() {
        Duration wait = waitFor(ACCOUNT, ADDRESS);
        clock.advance(wait);
        throttle.check(ACCOUNT, ADDRESS);
        throttle.recordFailure(ACCOUNT, ADDRESS);
        return waitFor(ACCOUNT, ADDRESS);
    }

    private Duration waitFor(String account, String address) {
        try {
            throttle.check(account, address);
            return Duration.ZERO;
        } catch (LoginThrottledException e) {
            return e.retryAfter();
        }
    }
}
