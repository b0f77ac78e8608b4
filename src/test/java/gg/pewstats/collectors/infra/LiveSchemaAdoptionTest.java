package gg.pewstats.collectors.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import gg.pewstats.collectors.testing.LiveReference;
import gg.pewstats.collectors.testing.StubbedPubg;
import gg.pewstats.collectors.testing.TestHub;
import gg.pewstats.collectors.testing.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/**
 * The hub as a drop-in for the live PewStats database: on an empty database and on one holding the live
 * tables (DDL written from the reference, with rows and duplicates) the schema ends with every column the
 * reference lists for the tables the hub writes, under its name and with a compatible type; the live rows
 * are kept but for exact duplicates, which are counted; a match then runs through all four stages into
 * those tables. A schema of something else is refused with an error naming what it holds.
 */
class LiveSchemaAdoptionTest {

    /** The live tables the hub writes. */
    static final List<String> HUB_TABLES = List.of("players", "matches", "match_summaries", "landings", "kill_positions",
            "player_damage_events", "weapon_kill_events", "circle_positions", "player_knock_events",
            "player_finishing_summary", "player_match_weapon_distribution", "player_circle_positions", "team_fights",
            "fight_participants", "player_damage_stats", "player_weapon_stats", "player_advanced_career_stats",
            "ranked_player_stats", "tournaments", "tournament_seasons", "tournament_rounds", "teams", "tournament_players",
            "tournament_matches", "tournament_team_standings_history", "tournament_scheduled_matches",
            "tournament_match_overrides");

    /** The live telemetry ids are text; ours are the events' integer ids (BIGINT, as player_knock_events has them). */
    static final Set<String> INTEGER_IDS_FOR_TEXT = Set.of("kill_positions.attack_id", "kill_positions.dbno_id");

    @TempDir
    Path storage;

    @Test
    void anEmptyDatabaseGetsEveryLiveColumn() throws Exception {
        TestServers servers = TestServers.get();
        String name = TestServers.uniqueName("pewstats_empty_");
        String url = servers.createDatabase(name);
        try {
            new SchemaMigration(dataSource(url)).migrate();
            assertEveryLiveColumn(url);
            // a second run finds the hub's own schema and changes nothing
            Map<String, Map<String, String>> before = columns(url);
            new SchemaMigration(dataSource(url)).migrate();
            assertThat(columns(url)).isEqualTo(before);
        } finally {
            servers.dropDatabase(name);
        }
    }

    @Test
    void aLiveDatabaseIsAdoptedAndTheHubWritesAMatchIntoIt() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger migrationLog = (Logger) LoggerFactory.getLogger(SchemaMigration.class);
        migrationLog.addAppender(logs);
        Map<String, Long> liveRows = new LinkedHashMap<>();
        TestHub hub = null;
        try (StubbedPubg pubg = new StubbedPubg(2, false)) {
            hub = TestHub.start(Map.of(
                    "pubg.api-keys", "stub-key-0001",
                    "pubg.api-base-url", pubg.api.baseUrl(),
                    "telemetry.storage-path", storage.toString(),
                    "telemetry.allowed-hosts", "localhost",
                    "telemetry.allowed-schemes", "http"), ".", url -> {
                        try (Connection c = connect(url); Statement s = c.createStatement()) {
                            s.execute(resource("live-schema/pewstats-live.sql"));
                            // the stand-in API's players, tracked in the live table with their Discord ids
                            s.execute(pubg.insertPlayersSql());
                            s.execute("UPDATE players SET discord_id = 'discord-' || player_name WHERE player_name LIKE 'player%'");
                        }
                        for (String table : HUB_TABLES) {
                            liveRows.put(table, count(url, "SELECT count(*) FROM " + table));
                        }
                    });
            String url = hubUrl(hub);

            // duplicates removed and counted, in the log and in schema_adoption_log
            Map<String, Long> removed = new TreeMap<>();
            for (var row : hub.query("SELECT table_name, duplicates_removed FROM schema_adoption_log")) {
                removed.put((String) row.get("table_name"), ((Number) row.get("duplicates_removed")).longValue());
            }
            assertThat(removed).containsEntry("landings", 1L).containsEntry("kill_positions", 2L)
                    .containsEntry("player_damage_events", 1L).containsEntry("weapon_kill_events", 1L)
                    .containsEntry("circle_positions", 0L).containsEntry("match_summaries", 0L)
                    .containsEntry("player_knock_events", 1L).containsEntry("player_circle_positions", 1L)
                    .containsEntry("player_finishing_summary", 0L)
                    .containsEntry("team_fights", 1L).containsEntry("fight_participants", 1L);
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("Adoption: landings: 1 duplicate row(s) removed", "Adoption: kill_positions: 2 duplicate row(s) removed");
            // every other row kept
            for (String table : HUB_TABLES) {
                assertThat(count(url, "SELECT count(*) FROM " + table)).as(table)
                        .isEqualTo(liveRows.get(table) - removed.getOrDefault(table, 0L));
            }
            assertThat(hub.count("SELECT count(*) FROM worker_status")).isEqualTo(1);
            assertThat(hub.query("SELECT discord_id FROM players WHERE player_id = 'account.legacy0001'").get(0))
                    .containsEntry("discord_id", "123456789");
            // one spelling per map; a status the hub does not know starts again from discovery
            assertThat(hub.query("SELECT map_name FROM matches WHERE match_id = 'legacy-match-1'").get(0))
                    .containsEntry("map_name", "Erangel");
            assertThat(hub.count("SELECT count(*) FROM landings WHERE map_name = 'Erangel'")).isEqualTo(2);
            assertThat(hub.query("SELECT status FROM matches WHERE match_id = 'legacy-match-2'").get(0))
                    .containsEntry("status", "discovered");
            // adopted telemetry rows are numbered -1, -2, ... in their match; the bot's summary is flagged
            assertThat(hub.count("SELECT count(*) FROM kill_positions WHERE event_index < 0")).isEqualTo(2);
            assertThat(hub.count("SELECT count(*) FROM match_summaries WHERE is_bot")).isEqualTo(1);
            assertEveryLiveColumn(url);
            // health is fractional in the events (COPY cannot put 87.5 into the live INTEGER column)
            assertThat(columns(url).get("player_damage_events")).containsEntry("attacker_health", "double precision")
                    .containsEntry("victim_health", "double precision");
            assertThat(hub.query("SELECT version FROM flyway_schema_history WHERE type = 'BASELINE'").get(0))
                    .containsEntry("version", SchemaMigration.ADOPTED_VERSION);

            // the same columns as a database the hub built itself
            TestServers servers = TestServers.get();
            String fresh = TestServers.uniqueName("pewstats_fresh_");
            String freshUrl = servers.createDatabase(fresh);
            try {
                new SchemaMigration(dataSource(freshUrl)).migrate();
                Map<String, Map<String, String>> built = columns(freshUrl);
                Map<String, Map<String, String>> adopted = columns(url);
                for (String table : HUB_TABLES) {
                    assertThat(adopted.get(table).keySet()).as(table).isEqualTo(built.get(table).keySet());
                }
            } finally {
                servers.dropDatabase(fresh);
            }

            // the hub works on the adopted database: discovery to extraction, rows in the live tables
            hub.runDiscovery();
            TestHub h = hub;
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    h.count("SELECT count(*) FROM matches WHERE status = 'completed' AND match_id = ANY(?)",
                            (Object) pubg.matchIds.toArray(new String[0])) == 2);
            for (String matchId : pubg.matchIds) {
                assertThat(hub.count("SELECT count(*) FROM match_summaries WHERE match_id = ?", matchId)).isEqualTo(100);
                for (var expected : pubg.expectedRows.entrySet()) {
                    assertThat(hub.count("SELECT count(*) FROM " + expected.getKey() + " WHERE match_id = ?", matchId))
                            .as(expected.getKey()).isEqualTo(expected.getValue());
                }
                assertThat(hub.count("SELECT count(*) FROM landings WHERE match_id = ? AND x_coordinate IS NOT NULL "
                        + "AND map_name = 'Rondo'", matchId)).isEqualTo(pubg.expectedRows.get("landings"));
                assertThat(hub.count("SELECT count(*) FROM weapon_kill_events WHERE match_id = ? AND is_kill "
                        + "AND NOT is_knock_down AND match_type = 'official'", matchId)).isEqualTo(pubg.expectedRows.get("kill_positions"));
            }
            // the legacy rows are still there beside the new ones
            assertThat(hub.count("SELECT count(*) FROM landings WHERE match_id = 'legacy-match-1'")).isEqualTo(2);

            // the live career tables rebuilt from the stored rows (stats --recompute after adoption): the
            // legacy weapon row the live worker had inflated now says what weapon_kill_events holds
            long completed = hub.count("SELECT count(*) FROM matches WHERE status = 'completed'");
            assertThat(hub.camel().createProducerTemplate().requestBody("direct:stats-recompute", (Object) null, Long.class))
                    .isEqualTo(completed);
            assertThat(hub.count("SELECT COALESCE(sum(total_kills), 0) FROM player_weapon_stats WHERE player_name = 'LegacyPlayer' "
                    + "AND match_type = 'all'")).isEqualTo(hub.count("SELECT count(*) FROM weapon_kill_events w JOIN matches m "
                    + "ON m.match_id = w.match_id AND m.status = 'completed' WHERE w.killer_name = 'LegacyPlayer' AND w.is_kill"));
            assertThat(hub.count("SELECT sum(total_kills) FROM player_weapon_stats WHERE match_type = 'all'")).isEqualTo(
                    hub.count("SELECT count(*) FROM weapon_kill_events w JOIN matches m ON m.match_id = w.match_id "
                            + "AND m.status = 'completed' WHERE w.is_kill AND w.killer_name <> ''"));
            // the live ranked row kept, its ratios widened so a KDA of 100 fits
            assertThat(hub.count("SELECT count(*) FROM ranked_player_stats WHERE player_name = 'LegacyPlayer'")).isEqualTo(1);
            hub.execute("UPDATE ranked_player_stats SET kda = 123.456789 WHERE player_name = 'LegacyPlayer'");
        } finally {
            migrationLog.detachAppender(logs);
            if (hub != null) {
                hub.close();
            }
        }
    }

    @Test
    void aSchemaOfSomethingElseIsRefusedNamingWhatItHolds() throws Exception {
        TestServers servers = TestServers.get();
        String name = TestServers.uniqueName("pewstats_foreign_");
        String url = servers.createDatabase(name);
        try {
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE invoices (id INT PRIMARY KEY); CREATE TABLE customers (id INT PRIMARY KEY)");
            }
            SchemaMigration migration = new SchemaMigration(dataSource(url));
            assertThatThrownBy(migration::migrate).isInstanceOf(SchemaMigration.ForeignSchemaException.class)
                    .hasMessageContaining("neither this hub's nor the live PewStats schema")
                    .hasMessageContaining("customers, invoices")
                    .hasMessageNotContaining("not reachable");
            assertThat(count(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                    .as("nothing created").isEqualTo(2);
        } finally {
            servers.dropDatabase(name);
        }
    }

    /** Every column of the reference's tables that the hub writes, with a type a reader of the live table can use. */
    private static void assertEveryLiveColumn(String url) throws SQLException {
        Map<String, Map<String, String>> reference = LiveReference.tables();
        Map<String, Map<String, String>> actual = columns(url);
        List<String> missing = new ArrayList<>();
        List<String> incompatible = new ArrayList<>();
        int checked = 0;
        for (String table : HUB_TABLES) {
            assertThat(reference).as("the reference lists %s", table).containsKey(table);
            for (var column : reference.get(table).entrySet()) {
                checked++;
                String type = actual.getOrDefault(table, Map.of()).get(column.getKey());
                if (type == null) {
                    missing.add(table + "." + column.getKey());
                } else if (!compatible(table + "." + column.getKey(), column.getValue(), type)) {
                    incompatible.add(table + "." + column.getKey() + " (" + column.getValue() + " vs " + type + ")");
                }
            }
        }
        assertThat(missing).as("live columns missing").isEmpty();
        assertThat(incompatible).as("live columns of another kind").isEmpty();
        assertThat(checked).isEqualTo(541);
    }

    private static boolean compatible(String column, String referenceType, String actualType) {
        String expected = kind(referenceType.toLowerCase());
        String actual = kind(actualType);
        if (expected.isEmpty() || expected.equals(actual)) {
            return true;
        }
        // integer columns that hold fractions in the events (health, seconds survived) are numbers here
        if (expected.equals("int") && actual.equals("num") || expected.equals("num") && actual.equals("int")) {
            return true;
        }
        return expected.equals("text") && actual.equals("int") && INTEGER_IDS_FOR_TEXT.contains(column);
    }

    private static String kind(String type) {
        if (type.isEmpty()) {
            return "";
        }
        // information_schema says ARRAY for any array type; the reference writes INTEGER[]
        if (type.endsWith("[]") || type.equalsIgnoreCase("array")) {
            return "array";
        }
        if (type.startsWith("varchar") || type.startsWith("character") || type.equals("text")) {
            return "text";
        }
        if (type.startsWith("integer") || type.startsWith("serial") || type.equals("bigint") || type.equals("smallint")) {
            return "int";
        }
        if (type.startsWith("numeric") || type.startsWith("decimal") || type.equals("real") || type.startsWith("double")) {
            return "num";
        }
        if (type.startsWith("timestamp")) {
            return "time";
        }
        return type.split("[ (]")[0];
    }

    /** Table to column to data type, for the hub's tables. */
    private static Map<String, Map<String, String>> columns(String url) throws SQLException {
        Map<String, Map<String, String>> tables = new TreeMap<>();
        try (Connection c = connect(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() ORDER BY table_name, column_name")) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return tables;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(String url) throws SQLException {
        TestServers servers = TestServers.get();
        return DriverManager.getConnection(url, servers.dbUser(), servers.dbPassword());
    }

    private static DataSource dataSource(String url) {
        TestServers servers = TestServers.get();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(servers.dbUser());
        ds.setPassword(servers.dbPassword());
        return ds;
    }

    private static String hubUrl(TestHub hub) {
        return hub.camel().getPropertiesComponent().resolveProperty("db.url").orElseThrow();
    }

    private static String resource(String name) throws Exception {
        try (var in = LiveSchemaAdoptionTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
