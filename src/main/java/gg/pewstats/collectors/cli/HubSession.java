package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.CollectorsApplication;
import gg.pewstats.collectors.infra.HubEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The hub's wiring (database, broker, beans, routes) without any stage started, for one command: it
 * uses the configured servers, or joins the embedded ones of a hub already running on this machine.
 * Settings given with {@code --set} win over the environment, which wins over the configuration file.
 */
final class HubSession implements AutoCloseable {

    private final Main main;
    private org.apache.camel.ProducerTemplate producer;

    private HubSession(Main main) {
        this.main = main;
    }

    static HubSession open(String home, Map<String, String> settings) throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String stage : CollectorsCommand.STAGES) {
            overrides.put("stage." + stage + ".enabled", "false");
        }
        overrides.put("camel.management.enabled", "false");
        overrides.put("camel.main.routes-reload-enabled", "false");
        overrides.putAll(settings);
        Main main = new Main();
        applySettings(main, overrides, home);
        CollectorsApplication.configure(main, home);
        main.start();
        return new HubSession(main);
    }

    /**
     * The environment and {@code <home>/.env} as a source of settings, and settings that win over both
     * and over the file (for commands and one-off runs).
     */
    static void applySettings(Main main, Map<String, String> settings, String home) {
        HubEnvironment environment = HubEnvironment.load(java.nio.file.Path.of(home), System.getenv());
        Properties properties = new Properties();
        properties.putAll(settings);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                var pc = (org.apache.camel.component.properties.PropertiesComponent) m.getCamelContext().getPropertiesComponent();
                pc.setOverrideProperties(properties);
                // the environment still counts, but below these settings
                pc.setEnvironmentVariableMode(
                        org.apache.camel.component.properties.PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
                pc.addPropertiesSource(new EnvironmentSource(environment));
            }
        });
        settings.forEach(main::addOverrideProperty);
    }

    CamelContext camel() {
        return main.getCamelContext();
    }

    /**
     * Sends a body (and headers) into a command route ({@code direct:…}) and returns the exchange, whose
     * message holds the route's answer; a failure in the route is thrown.
     */
    org.apache.camel.Message request(String endpoint, Object body, Map<String, Object> headers) {
        return request(endpoint, body, headers, Map.of());
    }

    /** As {@link #request(String, Object, Map)}, with exchange properties (a progress listener, say). */
    org.apache.camel.Message request(String endpoint, Object body, Map<String, Object> headers,
            Map<String, Object> properties) {
        if (producer == null) {
            producer = camel().createProducerTemplate();
        }
        org.apache.camel.Exchange exchange = producer.send(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            properties.forEach(e::setProperty);
        });
        if (exchange.getException() != null) {
            throw org.apache.camel.RuntimeCamelException.wrapRuntimeCamelException(exchange.getException());
        }
        return exchange.getMessage();
    }

    /** The body a command route answers with. */
    <T> T request(String endpoint, Object body, Class<T> type) {
        return request(endpoint, body, Map.of()).getBody(type);
    }

    <T> T bean(String name, Class<T> type) {
        T bean = camel().getRegistry().lookupByNameAndType(name, type);
        if (bean == null) {
            throw new IllegalStateException("no bean " + name);
        }
        return bean;
    }

    @Override
    public void close() {
        main.stop();
    }
}
