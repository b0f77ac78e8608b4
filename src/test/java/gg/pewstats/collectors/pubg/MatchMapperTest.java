package gg.pewstats.collectors.pubg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.pubg.MatchMapper.MatchData;
import gg.pewstats.collectors.testing.PubgSamples;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real /matches responses (2026 squad with a bot, 2018 solo) to rows; expectations read from the files. */
class MatchMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MatchMapper mapper = new MatchMapper();

    @Test
    void modernSquadMatch() throws Exception {
        String body = PubgSamples.read(PubgSamples.MATCH_2026);
        JsonNode source = JSON.readTree(body);
        MatchData match = mapper.parse(body);

        JsonNode attributes = source.path("data").path("attributes");
        assertThat(match.matchId()).isEqualTo(source.path("data").path("id").asText());
        assertThat(match.match().get("map_name")).isEqualTo("Rondo"); // Neon_Main in the official dictionary
        assertThat(match.match().get("game_mode")).isEqualTo(attributes.path("gameMode").asText());
        assertThat(match.match().get("game_type")).isEqualTo(attributes.path("matchType").asText());
        assertThat(match.match().get("duration")).isEqualTo(attributes.path("duration").asInt());
        assertThat(match.match().get("match_datetime")).isEqualTo(OffsetDateTime.parse(attributes.path("createdAt").asText()));
        assertThat((String) match.match().get("telemetry_url")).startsWith("https://telemetry-cdn.pubg.com/").endsWith("-telemetry.json");

        long participants = count(source, "participant");
        assertThat(match.summaries()).hasSize((int) participants);
        assertThat(match.summaries().stream().filter(r -> (Boolean) r.get("is_bot")).map(r -> r.get("player_id")))
                .containsExactly("ai.349");
        // a squad match has rosters of up to four; every participant got its team from one
        assertThat(match.summaries()).allSatisfy(r -> assertThat(r.get("team_id")).isNotNull());
        long winners = match.summaries().stream().filter(r -> Boolean.TRUE.equals(r.get("won"))).count();
        long rank1 = match.summaries().stream().filter(r -> Integer.valueOf(1).equals(r.get("team_rank"))).count();
        assertThat(winners).isEqualTo(rank1).isBetween(1L, 4L);
    }

    @Test
    void oldSoloMatchWithoutMatchType() throws Exception {
        String body = PubgSamples.read(PubgSamples.MATCH_2018);
        JsonNode source = JSON.readTree(body);
        MatchData match = mapper.parse(body);
        assertThat(match.match().get("map_name")).isEqualTo("Erangel");
        assertThat(match.match().get("game_type")).isNull();
        assertThat(match.summaries()).hasSize((int) count(source, "participant"));
        Map<String, Object> first = match.summaries().get(0);
        JsonNode stats = firstParticipant(source).path("attributes").path("stats");
        assertThat(first.get("player_name")).isEqualTo(stats.path("name").asText());
        assertThat(first.get("time_survived")).isEqualTo(stats.path("timeSurvived").asDouble());
        assertThat(first.get("kill_place")).isEqualTo(stats.path("killPlace").asInt());
    }

    private static long count(JsonNode source, String type) {
        long n = 0;
        for (JsonNode node : source.path("included")) {
            if (type.equals(node.path("type").asText())) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode firstParticipant(JsonNode source) {
        for (JsonNode node : source.path("included")) {
            if ("participant".equals(node.path("type").asText())) {
                return node;
            }
        }
        throw new AssertionError("no participant");
    }
}
