package kol.provider.google;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeechHealthTest {
    private static final int MS = 8;
    private final SpeechHealth health = new SpeechHealth(new SpeechBackoff(bound -> bound - 1), 3000);

    @Test
    void waitsOutTheBackOffInCallerAudio() {
        assertThat(health.failed(1000 * MS, 1000 * MS, "UNAVAILABLE")).isZero();
        assertThat(health.mayAttempt(1000 * MS)).isTrue();
        assertThat(health.failed(1000 * MS, 1000 * MS, "UNAVAILABLE")).isEqualTo(250);
        assertThat(health.mayAttempt(1249 * MS)).isFalse();
        assertThat(health.mayAttempt(1250 * MS)).isTrue();
    }

    @Test
    void isDownFromTheFirstFailureOfAnOutageAndReportsItOnceAfterTheFallbackTime() {
        health.failed(1000 * MS, 900 * MS, "STALLED");
        health.failed(2000 * MS, 2000 * MS, "UNAVAILABLE");
        assertThat(health.downSinceBytes()).isEqualTo(900 * MS);
        assertThat(health.outageDue(3899 * MS)).isNull();
        SpeechOutageException outage = health.outageDue(3900 * MS);
        assertThat(outage).isNotNull().hasMessageContaining("UNAVAILABLE");
        assertThat(outage.downForMs()).isEqualTo(3000);
        assertThat(health.outageDue(9000 * MS)).isNull();
    }

    @Test
    void aNewOutageAfterRecoveryIsReportedAgain() {
        health.failed(0, 0, "UNAVAILABLE");
        assertThat(health.outageDue(3000 * MS)).isNotNull();
        health.recovered();
        health.answered();
        assertThat(health.isDown()).isFalse();
        health.failed(10_000 * MS, 10_000 * MS, "UNAVAILABLE");
        assertThat(health.failures()).isEqualTo(1);
        assertThat(health.outageDue(13_000 * MS)).isNotNull();
    }
}
