package id.bimtek.shared;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.shared.LoginThrottle.Throttle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Guessers are slowed per client and per account; nobody is locked out for good. */
class LoginThrottleTest {

    private Instant now = Instant.parse("2026-12-02T03:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final Throttle throttle = new Throttle(clock, 5, Duration.ofSeconds(2), Duration.ofMinutes(15), 20,
            Duration.ofMinutes(5), Duration.ofMinutes(15));

    @Test
    void aGuessingClientWaitsTwiceAsLongAfterEachFailureBeyondTheFreeOnes() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.waitBefore("10.0.0.9", "department-head")).isZero();
            throttle.failed("10.0.0.9", "department-head");
        }
        assertThat(throttle.waitBefore("10.0.0.9", "department-head")).isZero();
        throttle.failed("10.0.0.9", "department-head");
        assertThat(throttle.waitBefore("10.0.0.9", "x")).isEqualTo(Duration.ofSeconds(2));
        now = now.plusSeconds(2);
        throttle.failed("10.0.0.9", "y");
        assertThat(throttle.waitBefore("10.0.0.9", "z")).isEqualTo(Duration.ofSeconds(4));
        for (int i = 0; i < 40; i++) {
            throttle.failed("10.0.0.9", "y");
        }
        assertThat(throttle.waitBefore("10.0.0.9", "z")).isEqualTo(Duration.ofMinutes(15));
        // another client is not slowed, nor is the guessed account (only 6 failures on it)
        assertThat(throttle.waitBefore("10.0.0.10", "department-head")).isZero();
        // and the client's count is forgotten after a quiet period
        now = now.plus(Duration.ofMinutes(31));
        assertThat(throttle.waitBefore("10.0.0.9", "z")).isZero();
    }

    @Test
    void anAccountGuessedFromEverywhereWaitsMinutesNeverLonger() {
        for (int i = 0; i < 21; i++) {
            throttle.failed("10.1.0." + i, "department-head");
        }
        assertThat(throttle.waitBefore("10.9.9.9", "department-head")).isEqualTo(Duration.ofMinutes(5));
        now = now.plus(Duration.ofMinutes(5));
        assertThat(throttle.waitBefore("10.9.9.9", "department-head")).isZero();
        // a correct password forgives the account's failures
        throttle.succeeded("department-head");
        throttle.failed("10.1.0.1", "department-head");
        assertThat(throttle.waitBefore("10.9.9.9", "department-head")).isZero();
    }
}
