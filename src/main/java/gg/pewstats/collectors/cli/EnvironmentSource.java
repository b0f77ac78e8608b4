package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.infra.HubEnvironment;
import org.apache.camel.Ordered;
import org.apache.camel.spi.PropertiesSource;

/**
 * The environment (and the home folder's {@code .env}) as a source of settings: {@code db.url} from
 * {@code DB_URL} as Camel maps them, or from another name the setting may be given (see
 * {@link HubEnvironment#NAMES}). Ranked above the configuration file but below the settings a command line
 * gives with {@code --set}: Camel's own environment handling would put the environment above everything.
 */
final class EnvironmentSource implements PropertiesSource, Ordered {

    private final HubEnvironment environment;

    EnvironmentSource(HubEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "environment";
    }

    @Override
    public String getProperty(String name) {
        return environment.setting(name);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST;
    }
}
