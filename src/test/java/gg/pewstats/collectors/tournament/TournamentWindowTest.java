package gg.pewstats.collectors.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The weekly window: days, times in its own zone, and a window that crosses midnight. */
class TournamentWindowTest {

    private static ZonedDateTime at(String isoWithZone) {
        return ZonedDateTime.parse(isoWithZone);
    }

    @Test
    void aWindowWithinOneDay() {
        TournamentWindow window = new TournamentWindow("MON,WED", "18:00", "22:00", "Europe/Oslo");
        // 2026-11-23 is a Monday; Oslo is UTC+1 in November
        assertThat(window.isOpenAt(at("2026-11-23T17:00:00Z"))).isTrue();
        assertThat(window.isOpenAt(at("2026-11-23T16:59:00Z"))).isFalse();
        assertThat(window.isOpenAt(at("2026-11-23T21:00:00Z"))).isFalse();
        assertThat(window.isOpenAt(at("2026-11-24T17:00:00Z"))).as("Tuesday").isFalse();
        assertThat(window.isOpenAt(at("2026-11-25T20:59:00Z"))).as("Wednesday").isTrue();
    }

    @Test
    void aWindowCrossingMidnightRunsIntoTheNextMorning() {
        TournamentWindow window = new TournamentWindow("SUN", "18:00", "02:00", "Europe/Oslo");
        // Sunday 2026-11-22 19:00 Oslo, Monday 01:30 Oslo: open; Monday 02:00 and Monday 19:00: closed
        assertThat(window.isOpenAt(at("2026-11-22T18:00:00Z"))).isTrue();
        assertThat(window.isOpenAt(at("2026-11-23T00:30:00Z"))).isTrue();
        assertThat(window.isOpenAt(at("2026-11-23T01:00:00Z"))).isFalse();
        assertThat(window.isOpenAt(at("2026-11-23T18:00:00Z"))).isFalse();
        // Sunday morning belongs to Saturday's window, which is not listed
        assertThat(window.isOpenAt(at("2026-11-22T00:30:00Z"))).isFalse();
    }

    @Test
    void daysByNumberOrNameAndTheWholeDay() {
        assertThat(new TournamentWindow("1,7", "00:00", "00:00", "UTC").isOpenAt(at("2026-11-23T12:00:00Z"))).isTrue();
        assertThat(new TournamentWindow("", "00:00", "00:00", "UTC").isOpenAt(at("2026-11-24T12:00:00Z"))).isTrue();
        assertThatThrownBy(() -> new TournamentWindow("FUNDAY", "18:00", "22:00", "UTC"))
                .hasMessageContaining("FUNDAY");
    }
}
