package gg.pewstats.collectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction;
import gg.pewstats.collectors.testing.PubgSamples;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader and the five extractors on real telemetry (April 2018: positions, damage, V1 kills, game
 * states; the curated file: one real event per type) and on modern events written to the official schema.
 * Every expectation is read from the file itself, independently of the code under test.
 */
class TelemetryExtractionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPAIRED = "telemetry/pubg-api-kotlin_telemetry_2018-04_repaired.json";
    private static final String TRUNCATED = "telemetry/pubg-api-kotlin_telemetry_2018-04_TRUNCATED_original.json";
    private static final String CURATED = "telemetry/pubg-typescript-api_curated_one-event-per-type_2018-04.json";

    @TempDir
    Path dir;

    private Extraction extract(Path file, Set<String> tracked, boolean trackedOnly) throws Exception {
        TelemetryFiles files = new TelemetryFiles(dir.toString(), 1L << 30, 1L << 31);
        MatchContext match = new MatchContext("m1", "Miramar", "squad-fpp", "official",
                OffsetDateTime.parse("2018-04-05T20:49:55Z"), tracked, trackedOnly);
        return new TelemetryExtraction(files, trackedOnly).extract(match, file);
    }

    private static List<JsonNode> events(JsonNode all, String... types) {
        Set<String> wanted = Set.of(types);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : all) {
            if (wanted.contains(e.path("_T").asText())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Map<String, Object> row(TableRows rows, int i) {
        return Rows.at(rows, i);
    }

    private static TableRows table(Extraction x, String name) {
        return x.tables().stream().filter(t -> t.table().equals(name)).findFirst().orElseThrow();
    }

    private static String id(JsonNode character) {
        JsonNode c = character.has("character") ? character.get("character") : character;
        return c.isNull() || c.isMissingNode() ? null : c.path("accountId").asText();
    }

    @Test
    void april2018MatchAllTables() throws Exception {
        Path file = PubgSamples.root().resolve(REPAIRED);
        JsonNode all = JSON.readTree(file.toFile());
        List<JsonNode> damage = events(all, "LogPlayerTakeDamage");
        // three players who dealt damage are "tracked"
        Set<String> tracked = new LinkedHashSet<>();
        for (JsonNode e : damage) {
            if (!e.path("attacker").isNull() && !e.path("attacker").path("accountId").asText().isEmpty() && tracked.size() < 3) {
                tracked.add(e.path("attacker").path("accountId").asText());
            }
        }
        Extraction x = extract(file, tracked, true);

        assertThat(x.summary().events()).isEqualTo(all.size());
        assertThat(x.summary().unknownTypes()).isEmpty();
        assertThat(table(x, "landings").size()).isEqualTo(events(all, "LogParachuteLanding").size());

        long expectedDamage = damage.stream().filter(e -> tracked.contains(e.path("attacker").path("accountId").asText(null))
                || tracked.contains(e.path("victim").path("accountId").asText(null))).count();
        assertThat(table(x, "player_damage_events").size()).isEqualTo((int) expectedDamage).isPositive();
        assertThat(extract(file, tracked, false).tables().get(2).size()).isEqualTo(damage.size());

        List<JsonNode> kills = events(all, "LogPlayerKill");
        TableRows killRows = table(x, "kill_positions");
        assertThat(killRows.size()).isEqualTo(kills.size()).isEqualTo(21);
        for (int i = 0; i < kills.size(); i++) {
            JsonNode e = kills.get(i);
            Map<String, Object> r = row(killRows, i);
            assertThat(r.get("event_version")).isEqualTo((short) 1);
            assertThat(r.get("victim_id")).isEqualTo(e.path("victim").path("accountId").asText());
            assertThat(r.get("killer_id")).isEqualTo(e.path("killer").path("accountId").asText());
            assertThat(r.get("killer_damage_causer_name")).isEqualTo(e.path("damageCauserName").asText());
            assertThat(r.get("killer_damage_causer_distance")).isEqualTo(e.path("distance").asDouble());
            assertThat(r.get("victim_x_location")).isEqualTo(e.path("victim").path("location").path("x").asDouble());
            assertThat(r.get("event_timestamp")).isEqualTo(Instant.parse(e.path("_D").asText()).atOffset(java.time.ZoneOffset.UTC));
        }
        TableRows weapons = table(x, "weapon_kill_events");
        assertThat(weapons.size()).isEqualTo(kills.size() + events(all, "LogPlayerMakeGroggy").size());

        // circles: each new white circle announced is a phase
        List<double[]> circles = new ArrayList<>();
        for (JsonNode e : events(all, "LogGameStatePeriodic")) {
            JsonNode s = e.path("gameState");
            double r = s.path("poisonGasWarningRadius").asDouble();
            double[] c = {s.path("poisonGasWarningPosition").path("x").asDouble(), s.path("poisonGasWarningPosition").path("y").asDouble(), r,
                s.path("elapsedTime").asDouble()};
            if (r > 0 && (circles.isEmpty() || circles.get(circles.size() - 1)[2] != r || circles.get(circles.size() - 1)[0] != c[0])) {
                circles.add(c);
            }
        }
        TableRows circleRows = table(x, "circle_positions");
        assertThat(circleRows.size()).isEqualTo(circles.size()).isPositive();
        for (int i = 0; i < circles.size(); i++) {
            Map<String, Object> r = row(circleRows, i);
            assertThat(r.get("phase_num")).isEqualTo(i + 1);
            assertThat(r.get("center_x")).isEqualTo(circles.get(i)[0]);
            assertThat(r.get("center_y")).isEqualTo(circles.get(i)[1]);
            assertThat(r.get("radius")).isEqualTo(circles.get(i)[2]);
            assertThat(r.get("elapsed_time")).isEqualTo(circles.get(i)[3]);
        }
        // LogMatchStart with plain Characters and LogPlayerLogin name the participants
        assertThat(x.trackedPlayersFound()).containsExactlyInAnyOrderElementsOf(tracked);
    }

    @Test
    void truncatedOriginalIsRejectedAsTruncated() throws Exception {
        Path file = PubgSamples.root().resolve(TRUNCATED);
        assertThatThrownBy(() -> extract(file, Set.of(), true))
                .isInstanceOf(TelemetryRejectedException.class).hasMessageContaining("truncated");
    }

    @Test
    void curatedFileOneRealEventPerType() throws Exception {
        Path file = PubgSamples.root().resolve(CURATED);
        JsonNode all = JSON.readTree(file.toFile());
        Extraction x = extract(file, Set.of(), false);
        assertThat(x.summary().unknownTypes()).isEmpty();
        assertThat(table(x, "kill_positions").size()).isEqualTo(events(all, "LogPlayerKill").size());
        assertThat(table(x, "player_damage_events").size()).isEqualTo(events(all, "LogPlayerTakeDamage").size());
        JsonNode groggy = events(all, "LogPlayerMakeGroggy").get(0);
        TableRows weapons = table(x, "weapon_kill_events");
        int knockRow = 0;
        while (!"knock".equals(weapons.rows().get(knockRow)[2])) {
            knockRow++;
        }
        Map<String, Object> knock = row(weapons, knockRow);
        assertThat(knock.get("event_type")).isEqualTo("knock");
        assertThat(knock.get("is_knock_down")).isEqualTo(true);
        assertThat(knock.get("is_kill")).isEqualTo(false);
        assertThat(knock.get("time_survived")).isNull();
        assertThat(knock.get("killer_id")).isEqualTo(groggy.path("attacker").path("accountId").asText());
        assertThat(knock.get("weapon_id")).isEqualTo(groggy.path("damageCauserName").asText());
        assertThat(knock.get("killer_in_vehicle")).isEqualTo(groggy.path("isAttackerInVehicle").asBoolean());
        assertThat(knock.get("zone_phase")).isEqualTo((int) Math.floor(groggy.path("common").path("isGame").asDouble()));
    }

    @Test
    void modernEventsOfTheOfficialSchema() throws Exception {
        TelemetryGenerator generator = new TelemetryGenerator(8, 4, 700, 7);
        Path file = dir.resolve("modern.json.gz");
        generator.writeGzip(file);
        JsonNode all;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            all = JSON.readTree(in);
        }
        Set<String> tracked = Set.of(generator.accountIds().get(0), generator.accountIds().get(5));
        Extraction x = extract(file, tracked, true);

        assertThat(x.summary().events()).isEqualTo(all.size());
        assertThat(x.summary().unknownTypes()).containsOnlyKeys("LogHypotheticalNewEvent");
        assertThat(x.trackedPlayersFound()).containsExactlyInAnyOrderElementsOf(tracked);

        List<JsonNode> landings = events(all, "LogParachuteLanding");
        TableRows landingRows = table(x, "landings");
        assertThat(landingRows.size()).isEqualTo(landings.size());
        for (int i = 0; i < landings.size(); i++) {
            JsonNode c = landings.get(i).path("character");
            Map<String, Object> r = row(landingRows, i);
            assertThat(r.get("player_id")).isEqualTo(c.path("accountId").asText());
            assertThat(r.get("x_coordinate")).isEqualTo(c.path("location").path("x").asDouble());
            assertThat(r.get("is_bot")).isEqualTo("user_ai".equals(c.path("type").asText()));
        }
        assertThat(landingRows.rows().stream().filter(r -> (Boolean) r[5]).count()).isEqualTo(2); // two bots
        // a bot killing a bot is stored, both flagged
        TableRows kp = table(x, "kill_positions");
        int victimBot = kp.columns().indexOf("victim_is_bot");
        int killerBot = kp.columns().indexOf("killer_is_bot");
        assertThat(kp.rows().stream().filter(r -> (Boolean) r[victimBot] && (Boolean) r[killerBot]).count()).isEqualTo(1);

        List<JsonNode> kills = events(all, "LogPlayerKillV2");
        TableRows killRows = table(x, "kill_positions");
        assertThat(killRows.size()).isEqualTo(kills.size()).isPositive();
        int zoneKills = 0;
        for (int i = 0; i < kills.size(); i++) {
            JsonNode e = kills.get(i);
            Map<String, Object> r = row(killRows, i);
            assertThat(r.get("event_version")).isEqualTo((short) 2);
            assertThat(r.get("dbno_maker_id")).isEqualTo(id(e.path("dBNOMaker")));
            assertThat(r.get("dbno_damage_causer_name")).isEqualTo(e.path("dBNODamageInfo").isObject()
                    ? e.path("dBNODamageInfo").path("damageCauserName").asText() : null);
            assertThat(r.get("finisher_id")).isEqualTo(id(e.path("finisher")));
            assertThat(r.get("finisher_damage_causer_name")).isEqualTo(e.path("finishDamageInfo").path("damageCauserName").asText());
            assertThat(r.get("finisher_damage_causer_distance")).isEqualTo(e.path("finishDamageInfo").path("distance").asDouble());
            assertThat(r.get("killer_id")).isEqualTo(e.path("killer").isNull() ? null : id(e.path("killer")));
            assertThat(JSON.readTree((String) r.get("killed_in_zone"))).isEqualTo(e.path("victim").path("zone"));
            assertThat(r.get("dbno_maker_team_id")).isEqualTo(e.path("dBNOMaker").isObject()
                    ? e.path("dBNOMaker").path("teamId").asInt() : null);
            assertThat(r.get("finisher_team_id")).isEqualTo(e.path("finisher").isObject()
                    ? e.path("finisher").path("teamId").asInt() : null);
            assertThat(r.get("victim_is_bot")).isEqualTo("user_ai".equals(e.path("victim").path("type").asText()));
            zoneKills += e.path("killer").isNull() ? 1 : 0;
        }
        TableRows weapons = table(x, "weapon_kill_events");
        List<JsonNode> knocks = events(all, "LogPlayerMakeGroggy");
        assertThat(weapons.size()).isEqualTo(knocks.size() + kills.size());
        long killRowsWithWeapon = weapons.rows().stream().filter(r -> "kill".equals(r[2]) && r[11] != null).count();
        // a kill row: is_kill, never is_knock_down; the victim survived from LogMatchStart to the kill
        Instant start = Instant.parse(events(all, "LogMatchStart").get(0).path("_D").asText());
        int checked = 0;
        for (int i = 0; i < weapons.size(); i++) {
            Map<String, Object> r = row(weapons, i);
            boolean kill = "kill".equals(r.get("event_type"));
            assertThat(r.get("is_kill")).isEqualTo(kill);
            assertThat(r.get("is_knock_down")).isEqualTo(!kill);
            if (kill) {
                Instant at = ((OffsetDateTime) r.get("event_timestamp")).toInstant();
                assertThat(r.get("time_survived")).isEqualTo((int) java.time.Duration.between(start, at).toSeconds());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(kills.size());
        assertThat(killRowsWithWeapon).as("kills without a killer take the finisher's weapon (%d zone kills)", zoneKills)
                .isEqualTo(kills.size());

        List<JsonNode> damage = events(all, "LogPlayerTakeDamage");
        long expectedDamage = damage.stream().filter(e -> tracked.contains(id(e.path("victim")))
                || (!e.path("attacker").isNull() && tracked.contains(id(e.path("attacker"))))).count();
        TableRows damageRows = table(x, "player_damage_events");
        assertThat(damageRows.size()).isEqualTo((int) expectedDamage);
        assertThat(damageRows.rows().stream().filter(r -> r[3] == null).count())
                .as("zone damage to tracked players is kept, with no attacker").isPositive();

        long circles = events(all, "LogGameStatePeriodic").stream()
                .map(e -> e.path("gameState").path("poisonGasWarningRadius").asDouble()).filter(r -> r > 0).distinct().count();
        assertThat(table(x, "circle_positions").size()).isEqualTo((int) circles).isPositive();
    }

    @Test
    void invalidJsonInsideValidGzipAndJsonThatIsNoArrayAreRejected() throws Exception {
        for (String body : new String[] {"[{\"_T\": nope}]", "{\"_T\":\"LogMatchStart\"}", "[{\"_T\":\"LogPlayerKillV2\",\"victim\":"}) {
            Path file = dir.resolve("bad.json.gz");
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThatThrownBy(() -> extract(file, Set.of(), false)).as(body)
                    .isInstanceOf(TelemetryRejectedException.class).hasMessageContaining("telemetry");
        }
    }

    @Test
    void eventTimesWithThreeOrSevenDigitsOrAnOffset() {
        for (String d : List.of("2026-04-15T21:45:48.7334511Z", "2018-04-05T20:51:00.8414374+00:00", "2026-04-15T21:45:24.216Z",
                "2026-04-15T21:45:24.216+02:00", "2026-12-31T23:59:59.999Z")) {
            JsonNode event = JSON.createObjectNode().put("_D", d);
            assertThat(Characters.eventTime(event).toInstant()).isEqualTo(OffsetDateTime.parse(d).toInstant());
        }
    }
}
