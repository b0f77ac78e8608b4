package gg.pewstats.collectors.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;

/** The names a setting can be given, the .env file under the real environment, DATABASE_URL and Unix crons. */
class HubEnvironmentTest {

    @TempDir
    Path home;

    @Test
    void dotEnvIsReadBelowTheRealEnvironment() throws Exception {
        Files.writeString(home.resolve(".env"), String.join("\n",
                "# the live system's .env",
                "export ENVIRONMENT=from-file",
                "POSTGRES_HOST=db.internal",
                "POSTGRES_DB=pewstats",
                "POSTGRES_USER=pewstats",
                "POSTGRES_PASSWORD='s3cret # not a comment'",
                "RABBITMQ_USER=\"mq-user\"",
                "PUBG_MAIN_KEYS=[{\"key\":\"abcd1234\",\"rpm\":30}]   # main pool",
                "LOG_LEVEL=DEBUG"));
        HubEnvironment env = HubEnvironment.load(home, Map.of("ENVIRONMENT", "prod"));
        assertThat(env.setting("hub.env")).isEqualTo("prod");
        assertThat(env.setting("db.url")).isEqualTo("jdbc:postgresql://db.internal:5432/pewstats");
        assertThat(env.setting("db.user")).isEqualTo("pewstats");
        assertThat(env.setting("db.password")).isEqualTo("s3cret # not a comment");
        assertThat(env.setting("rabbitmq.username")).isEqualTo("mq-user");
        assertThat(env.setting("pubg.api-keys")).isEqualTo("[{\"key\":\"abcd1234\",\"rpm\":30}]");
        assertThat(env.variable("LOG_LEVEL")).isEqualTo("DEBUG");
        // a setting without other names: its own upper-case name
        assertThat(HubEnvironment.load(home, Map.of("TELEMETRY_MAX_JSON_BYTES", "5")).setting("telemetry.max-json-bytes")).isEqualTo("5");
    }

    @Test
    void theHubsOwnNameWinsOverTheSeedsAndTheLiveSystems() {
        HubEnvironment env = HubEnvironment.load(home, Map.of(
                "DB_URL", "jdbc:postgresql://own:5432/own",
                "DATABASE_URL", "postgresql://seed:pw@seed-host:6543/seed",
                "POSTGRES_HOST", "live-host",
                "PUBG_API_KEYS", "legacy-key",
                "PUBG_MAIN_KEYS", "main-key"));
        assertThat(env.setting("db.url")).isEqualTo("jdbc:postgresql://own:5432/own");
        assertThat(env.setting("db.user")).isEqualTo("seed");
        assertThat(env.setting("db.password")).isEqualTo("pw");
        // the live system's main pool wins over its legacy fallback
        assertThat(env.setting("pubg.api-keys")).isEqualTo("main-key");
    }

    @Test
    void databaseUrlOfTheSeedBecomesAJdbcUrlUserAndPassword() {
        assertThat(HubEnvironment.databaseUrl("postgresql://pew%40stats:p%3Ass+w@db:6543/pewstats?sslmode=require"))
                .containsEntry("db.url", "jdbc:postgresql://db:6543/pewstats?sslmode=require")
                .containsEntry("db.user", "pew@stats").containsEntry("db.password", "p:ss+w");
        assertThat(HubEnvironment.databaseUrl("postgres://db/pewstats")).containsEntry("db.url", "jdbc:postgresql://db:5432/pewstats")
                .doesNotContainKey("db.user");
        assertThat(HubEnvironment.databaseUrl("jdbc:postgresql://db/x")).containsEntry("db.url", "jdbc:postgresql://db/x");
        assertThatThrownBy(() -> HubEnvironment.databaseUrl("mysql://u:topsecret@db/x")).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("postgresql://user:password@host:port/database").hasMessageNotContaining("topsecret");
    }

    @Test
    void theSeedsUnixCronRunsAtTheSameTimesInQuartz() throws Exception {
        assertThat(HubEnvironment.quartzCron("*/10 * * * *")).isEqualTo("0 */10 * * * ?");
        assertThat(HubEnvironment.quartzCron("30 2 * * 1-5")).isEqualTo("0 30 2 ? * 2-6");
        assertThat(HubEnvironment.quartzCron("0 18 * * 0,6")).isEqualTo("0 0 18 ? * 1,7");
        assertThat(HubEnvironment.quartzCron("0 0/10 * * * ?")).isEqualTo("0 0/10 * * * ?");
        for (String unix : new String[] {"*/10 * * * *", "30 2 * * 1-5", "0 18 * * 0,6", "15 4 1 * *"}) {
            assertThat(CronExpression.isValidExpression(HubEnvironment.quartzCron(unix))).as(unix).isTrue();
        }
        assertThat(HubEnvironment.load(home, Map.of("DISCOVERY_SCHEDULE_CRON", "*/5 * * * *")).setting("discovery.cron"))
                .isEqualTo("0 */5 * * * ?");
    }
}
