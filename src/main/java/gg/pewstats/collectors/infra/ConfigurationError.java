package gg.pewstats.collectors.infra;

/**
 * A setting is missing or wrong: the hub does not start, and the launcher prints this message alone
 * (exit code 2), never a stack trace. The message names the setting and never holds a secret.
 */
public class ConfigurationError extends IllegalArgumentException {

    public ConfigurationError(String message) {
        super(message);
    }
}
