package gg.pewstats.collectors.cli;

import java.util.Locale;
import java.util.Map;
import org.apache.camel.Ordered;
import org.apache.camel.spi.PropertiesSource;

/**
 * The environment as a source of settings ({@code db.url} from {@code DB_URL}, as Camel maps them), ranked
 * above the configuration file but below the settings a command line gives with {@code --set}: Camel's own
 * environment handling would put the environment above everything.
 */
final class EnvironmentSource implements PropertiesSource, Ordered {

    private final Map<String, String> environment;

    EnvironmentSource(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "environment";
    }

    @Override
    public String getProperty(String name) {
        return environment.get(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST;
    }
}
