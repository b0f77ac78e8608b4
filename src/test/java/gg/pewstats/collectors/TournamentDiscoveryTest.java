package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tournament discovery (routes/tournament-discovery.camel.yaml) on a tournament day with two lobbies: the
 * two real matches of ../shared/pubg/matches made custom esports matches of that day, each lobby's teams
 * and rosters imported from a CSV built from the match's own rosters (some players left out), and a third,
 * ordinary match among the sampled players' matches. Each match goes to its lobby's round, each player to
 * the team of their roster, left-out players are added to their team by lobby slot, the standings and the
 * pipeline get the matches; outside the window no call is made.
 */
class TournamentDiscoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAY = "2026-11-22";

    WireMockServer api;
    TestHub hub;
    ObjectNode lobby1;
    ObjectNode lobby2;
    String ordinaryId = "0b6c7b4e-3f7a-4c55-9d8e-5a0c8e1f2a31";

    @BeforeEach
    void stubApi() throws Exception {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        lobby1 = tournamentMatch(PubgSamples.MATCH_2026, DAY + "T19:05:00Z");
        lobby2 = tournamentMatch(PubgSamples.MATCH_2018, DAY + "T20:40:00Z");
        ObjectNode ordinary = (ObjectNode) JSON.readTree(PubgSamples.read(PubgSamples.MATCH_2026));
        ((ObjectNode) ordinary.path("data")).put("id", ordinaryId);
        for (ObjectNode match : List.of(lobby1, lobby2, ordinary)) {
            api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + match.path("data").path("id").asText()))
                    .willReturn(aResponse().withBody(match.toString())));
        }
        // every sampled player's recent matches: the two tournament matches and the ordinary one
        ObjectNode players = (ObjectNode) JSON.readTree(PubgSamples.read(PubgSamples.PLAYERS_TWO));
        for (JsonNode player : players.path("data")) {
            ArrayNode matches = ((ObjectNode) player.path("relationships").path("matches")).putArray("data");
            for (ObjectNode match : List.of(lobby1, lobby2, ordinary)) {
                matches.addObject().put("type", "match").put("id", match.path("data").path("id").asText());
            }
        }
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).willReturn(aResponse().withBody(players.toString())));
    }

    /** A real match as the league plays it: custom, esports squad mode, on the tournament day. */
    private static ObjectNode tournamentMatch(String sample, String createdAt) throws Exception {
        ObjectNode match = (ObjectNode) JSON.readTree(PubgSamples.read(sample));
        ((ObjectNode) match.path("data").path("attributes")).put("matchType", "custom").put("gameMode", "esports-squad-fpp")
                .put("isCustomMatch", true).put("createdAt", createdAt);
        return match;
    }

    @AfterEach
    void stop() {
        TestHub.stopAll(hub, api);
    }

    private void startHub(String windowDays) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "pubg.api-base-url", api.baseUrl(),
                "pubg.api-keys", "main-key",
                "pubg.tournament-api-keys", "tournament-key",
                "pubg.rate-period-ms", "1000",
                "tournament.window-days", windowDays,
                "tournament.window-start", "00:00",
                "tournament.window-end", "00:00",
                "tournament.window-zone", "UTC"));
        hub = TestHub.start(settings);
    }

    /** Per match participant: name -> roster teamId (bots left out), in roster order. */
    private static Map<String, List<String>> rosters(JsonNode match) {
        Map<String, String> nameOf = new HashMap<>();
        for (JsonNode node : match.path("included")) {
            JsonNode stats = node.path("attributes").path("stats");
            if ("participant".equals(node.path("type").asText()) && !stats.path("playerId").asText().startsWith("ai.")) {
                nameOf.put(node.path("id").asText(), stats.path("name").asText());
            }
        }
        Map<String, List<String>> rosters = new java.util.TreeMap<>();
        for (JsonNode node : match.path("included")) {
            if ("roster".equals(node.path("type").asText())) {
                List<String> names = new ArrayList<>();
                for (JsonNode member : node.path("relationships").path("participants").path("data")) {
                    if (nameOf.containsKey(member.path("id").asText())) {
                        names.add(nameOf.get(member.path("id").asText()));
                    }
                }
                rosters.put(node.path("attributes").path("stats").path("teamId").asText(), names);
            }
        }
        return rosters;
    }

    /** The league's teams CSV: lobby 1 without the last player of each team of two or more, lobby 2 complete. */
    private String teamsCsv() {
        StringBuilder csv = new StringBuilder("team_name,division,group_name,team_number,player_name,is_primary_sample,sample_priority\n");
        for (Map.Entry<String, List<String>> team : rosters(lobby1).entrySet()) {
            List<String> names = team.getValue();
            int listed = names.size() >= 2 ? names.size() - 1 : names.size();
            for (int i = 0; i < listed; i++) {
                csv.append("One ").append(team.getKey()).append(",Div 1,,").append(team.getKey()).append(',')
                        .append(names.get(i)).append(',').append(i == 0).append(',').append(i + 1).append('\n');
            }
        }
        for (Map.Entry<String, List<String>> team : rosters(lobby2).entrySet()) {
            for (String name : team.getValue()) {
                csv.append("Two ").append(team.getKey()).append(",Div 2,A,").append(team.getKey()).append(',')
                        .append(name).append(",true,1\n");
            }
        }
        return csv.toString();
    }

    private Object send(String endpoint, Object body, Map<String, Object> headers) {
        return hub.camel().createProducerTemplate().requestBodyAndHeaders(endpoint, body, headers);
    }

    private void setUpLeague() {
        send("direct:tournament-create", null, Map.of("code", "PSL", "name", "Pew Squad League", "status", "active"));
        send("direct:tournament-season-add", null, Map.of("tournament", "PSL", "code", "PSL-F26", "name", "Fall 2026",
                "start", "2026-11-01", "end", "2026-12-20", "status", "active"));
        Map<String, Object> round = new HashMap<>(Map.of("season", "PSL-F26", "number", 1, "name", "Round 1",
                "division", "Div 1", "start", DAY, "end", DAY, "expected", 6));
        round.put("group", null);
        send("direct:tournament-round-add", null, round);
        round.putAll(Map.of("number", 2, "name", "Round 2", "start", "2026-11-29", "end", "2026-11-29"));
        send("direct:tournament-round-add", null, round);
        send("direct:tournament-round-add", null, Map.of("season", "PSL-F26", "number", 1, "name", "Round 1",
                "division", "Div 2", "group", "A", "start", DAY, "end", DAY, "expected", 1));
        assertThat(send("direct:tournament-import-teams", teamsCsv(), Map.of())).isNotNull();
    }

    @Test
    void aTournamentDayWithTwoLobbies() throws Exception {
        startHub("");
        setUpLeague();
        hub.stopRoute("match-summary");
        Object outcome = send("direct:tournament-discovery-run", null, Map.of());
        assertThat(outcome).isEqualTo("1 not a tournament match, 2 tournament match");

        // every call carried the tournament key
        assertThat(api.findAll(getRequestedFor(urlPathEqualTo("/shards/steam/players"))))
                .isNotEmpty().allSatisfy(call -> assertThat(call.getHeader("Authorization")).isEqualTo("Bearer tournament-key"));

        for (ObjectNode match : List.of(lobby1, lobby2)) {
            String id = match.path("data").path("id").asText();
            String division = match == lobby1 ? "Div 1" : "Div 2";
            String prefix = match == lobby1 ? "One " : "Two ";
            long participants = 0;
            for (JsonNode node : match.path("included")) {
                participants += "participant".equals(node.path("type").asText()) ? 1 : 0;
            }
            assertThat(hub.count("SELECT count(*) FROM tournament_matches WHERE match_id = ?", id)).isEqualTo(participants);
            // the match's round: its lobby's round of that day
            assertThat(hub.query("SELECT DISTINCT r.division, r.round_number FROM tournament_matches tm "
                    + "JOIN tournament_rounds r ON r.id = tm.round_id WHERE tm.match_id = ?", id))
                    .containsExactly(Map.of("division", division, "round_number", 1));
            // every player on the team of their roster, left-out players included
            for (Map.Entry<String, List<String>> team : rosters(match).entrySet()) {
                for (String name : team.getValue()) {
                    assertThat(hub.query("SELECT t.team_name FROM tournament_matches tm JOIN teams t ON t.id = tm.team_id "
                            + "WHERE tm.match_id = ? AND tm.player_name = ?", id, name))
                            .as("team of %s", name).containsExactly(Map.of("team_name", prefix + team.getKey()));
                }
            }
            // into the pipeline, flagged with its round
            Map<String, Object> row = hub.query("SELECT status, is_tournament_match, round_id, discovered_by FROM matches "
                    + "WHERE match_id = ?", id).get(0);
            assertThat(row).containsEntry("status", "discovered").containsEntry("is_tournament_match", true)
                    .containsEntry("discovered_by", "tournament");
            assertThat(row.get("round_id")).isEqualTo(hub.query("SELECT MAX(round_id) AS r FROM tournament_matches "
                    + "WHERE match_id = ?", id).get(0).get("r"));
        }
        // the left-out players of lobby 1 were added to their teams, as non-primary samples
        long leftOut = rosters(lobby1).values().stream().filter(names -> names.size() >= 2).count();
        assertThat(hub.count("SELECT count(*) FROM tournament_players WHERE notes LIKE 'added by tournament discovery%' "
                + "AND NOT is_primary_sample")).isEqualTo(leftOut);
        // two match.discovered messages for the stages
        List<String> published = new ArrayList<>();
        org.springframework.amqp.core.Message message;
        while ((message = hub.receive(hub.queue("match.discovered"), 2000)) != null) {
            published.add(JSON.readTree(message.getBody()).path("match_id").asText());
        }
        assertThat(published).containsExactlyInAnyOrder(lobby1.path("data").path("id").asText(),
                lobby2.path("data").path("id").asText());

        // rounds and standings: lobby 2's round expected one match and is completed, lobby 1's is active
        assertThat(hub.query("SELECT division, round_number, actual_matches, status FROM tournament_rounds ORDER BY division, round_number"))
                .containsExactly(Map.of("division", "Div 1", "round_number", 1, "actual_matches", 1, "status", "active"),
                        Map.of("division", "Div 1", "round_number", 2, "actual_matches", 0, "status", "scheduled"),
                        Map.of("division", "Div 2", "round_number", 1, "actual_matches", 1, "status", "completed"));
        JsonNode winner = null;
        for (JsonNode node : lobby1.path("included")) {
            if ("roster".equals(node.path("type").asText()) && node.path("attributes").path("stats").path("rank").asInt() == 1) {
                winner = node;
            }
        }
        assertThat(hub.query("SELECT t.team_name, h.wwcd, h.matches_played FROM tournament_team_standings_history h "
                + "JOIN teams t ON t.id = h.team_id JOIN tournament_rounds r ON r.id = h.round_id "
                + "WHERE r.division = 'Div 1' AND h.rank = 1"))
                .containsExactly(Map.of("team_name", "One " + winner.path("attributes").path("stats").path("teamId").asText(),
                        "wwcd", 1, "matches_played", 1));
        assertThat(hub.count("SELECT count(*) FROM tournament_team_standings_history h JOIN tournament_rounds r "
                + "ON r.id = h.round_id WHERE r.division = 'Div 1'")).isEqualTo(rosters(lobby1).values().stream()
                .filter(names -> !names.isEmpty()).count());

        // the ordinary match is remembered, not fetched again; a second run finds nothing new
        assertThat(hub.query("SELECT match_id FROM tournament_rejected_matches")).containsExactly(Map.of("match_id", ordinaryId));
        Map<String, Object> samplingBefore = hub.query("SELECT sample_size, empty_runs FROM tournament_sampling "
                + "WHERE division = 'Div 1'").get(0);
        assertThat(samplingBefore).isEqualTo(Map.of("sample_size", 6, "empty_runs", 0));
        assertThat(send("direct:tournament-discovery-run", null, Map.of())).isEqualTo("none");
        api.verify(1, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + ordinaryId)));
        api.verify(1, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + lobby1.path("data").path("id").asText())));
        // the sampling state persists in PostgreSQL: one empty run counted for each lobby
        assertThat(hub.query("SELECT division, empty_runs FROM tournament_sampling ORDER BY division"))
                .containsExactly(Map.of("division", "Div 1", "empty_runs", 1), Map.of("division", "Div 2", "empty_runs", 1));
    }

    @Test
    void outsideTheWindowNothingIsCalled() throws Exception {
        DayOfWeek tomorrow = ZonedDateTime.now(ZoneOffset.UTC).plusDays(1).getDayOfWeek();
        startHub(tomorrow.name());
        setUpLeague();
        assertThat(send("direct:tournament-discovery-run", null, Map.of())).isEqualTo("outside the window");
        assertThat(api.getAllServeEvents()).isEmpty();
        assertThat(hub.count("SELECT count(*) FROM tournament_matches")).isZero();

        // a teams file with a bad row imports nothing and names the row
        long teams = hub.count("SELECT count(*) FROM teams");
        String bad = "team_name,division,group_name,team_number,player_name\nNew Team,Div 1,,3,someone\nOther Team,Div 1,,4,\n";
        assertThatThrownBy(() -> send("direct:tournament-import-teams", bad, Map.of()))
                .hasStackTraceContaining("data row 2: team_name, division and player_name are required");
        assertThat(hub.count("SELECT count(*) FROM teams")).isEqualTo(teams);
        assertThat(hub.count("SELECT count(*) FROM tournament_players WHERE player_id = 'someone'")).isZero();
    }
}
