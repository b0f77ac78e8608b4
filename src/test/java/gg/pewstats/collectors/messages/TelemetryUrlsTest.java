package gg.pewstats.collectors.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TelemetryUrlsTest {

    private final TelemetryUrls production = new TelemetryUrls("pubg.com,playbattlegrounds.com", "https");

    @Test
    void theCdnHostsOldAndNewPass() {
        assertThat(production.check("https://telemetry-cdn.pubg.com/bluehole-pubg/steam/2026/04/15/22/12/x-telemetry.json"))
                .startsWith("https://");
        assertThat(production.check("https://telemetry-cdn.playbattlegrounds.com/bluehole-pubg/pc-na/2018/x-telemetry.json"))
                .startsWith("https://");
    }

    @Test
    void plainHttpOtherHostsAndLookalikesAreRefused() {
        for (String url : new String[] {
            "http://telemetry-cdn.pubg.com/x.json",
            "https://evil.example.com/x.json",
            "https://pubg.com.evil.example/x.json",
            "https://evilpubg.com/x.json",
            "https://pubg.com@evil.example/x.json",
            "file:///etc/passwd",
            "not a url at all",
        }) {
            assertThatThrownBy(() -> production.check(url)).as(url).isInstanceOf(InvalidMessageException.class);
        }
    }

    @Test
    void theReasonNamesUserInfoAndShowsTheUrlEscaped() {
        assertThatThrownBy(() -> production.check("https://user@pubg.com/x.json")).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("user-info").hasMessageNotContaining("allow-list");
        assertThatThrownBy(() -> production.check("https://evil.example.com/x\n2026-01-01 ERROR [main] forged\u202E"))
                .isInstanceOf(InvalidMessageException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u202E")
                        .contains("\\n2026-01-01 ERROR [main] forged\\u202E"));
    }
}
