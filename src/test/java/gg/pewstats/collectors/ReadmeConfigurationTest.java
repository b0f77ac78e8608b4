package gg.pewstats.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration table of README.md names only settings that config/application.properties defines. */
class ReadmeConfigurationTest {

    @Test
    void everySettingTheReadmeNamesExists() throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(Path.of("config", "application.properties"))) {
            properties.load(in);
        }
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Benchmark"));
        Matcher keys = Pattern.compile("`((?:hub|db|rabbitmq|pubg|discovery|summary|stage|telemetry|recovery|camel)\\.[a-z0-9.<>-]+)`")
                .matcher(table);
        int named = 0;
        while (keys.find()) {
            String key = keys.group(1);
            if (key.contains("<") || key.endsWith(".")) {
                continue;
            }
            named++;
            assertThat(properties).as("README names %s", key).containsKey(key);
        }
        assertThat(named).isGreaterThan(15);
    }

    @Test
    void everyNameASettingCanBeGivenIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Benchmark"));
        for (var setting : gg.pewstats.collectors.infra.HubEnvironment.NAMES.entrySet()) {
            String row = section.lines().filter(l -> l.startsWith("| `" + setting.getKey() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("README has no row for " + setting.getKey()));
            for (String name : setting.getValue()) {
                assertThat(row).as(setting.getKey()).contains("`" + name + "`");
            }
        }
    }
}
