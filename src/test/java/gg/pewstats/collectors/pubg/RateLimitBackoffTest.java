package gg.pewstats.collectors.pubg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RateLimitBackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void retryAfterSecondsWins() {
        assertThat(RateLimitBackoff.waitMillis(headers("retry-after", "7", "X-RateLimit-Reset", "1"), NOW, 60000))
                .isEqualTo(7250);
    }

    @Test
    void resetIsMeasuredAgainstTheServersDateNotTheLocalClock() {
        // server clock is 5 s behind ours; reset 12 s after the server's now
        long serverNow = NOW.getEpochSecond() - 5;
        Map<String, String> h = headers("x-ratelimit-reset", Long.toString(serverNow + 12),
                "date", "Mon, 23 Nov 2026 09:59:55 GMT");
        assertThat(RateLimitBackoff.waitMillis(h, NOW, 60000)).isEqualTo(12250);
    }

    @Test
    void retryAfterAsHttpDate() {
        Map<String, String> h = headers("Retry-After", "Mon, 23 Nov 2026 10:00:30 GMT", "Date", "Mon, 23 Nov 2026 10:00:00 GMT");
        assertThat(RateLimitBackoff.waitMillis(h, NOW, 60000)).isEqualTo(30250);
    }

    @Test
    void neitherHeaderMeansTheConfiguredWait() {
        assertThat(RateLimitBackoff.waitMillis(headers(), NOW, 60000)).isEqualTo(60000);
        assertThat(RateLimitBackoff.waitMillis(headers("Retry-After", "soon"), NOW, 45000)).isEqualTo(45000);
    }
}
