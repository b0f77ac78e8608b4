package gg.pewstats.collectors.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the hub's settings come from outside {@code config/application.properties}: the process
 * environment over a {@code .env} file in the hub's home folder (seed 000's {@code env_file}), and the
 * names an operator of the seed design or of the live PewStats system would use. Every setting is read
 * under the hub's own name ({@code db.url} as {@code DB_URL}); {@link #NAMES} lists the other names a
 * setting may be given, in the order they win. The table in README.md lists the same.
 */
public final class HubEnvironment {

    /**
     * Setting key to the environment names it is read from, first set wins. {@code DATABASE_URL}
     * ({@code postgresql://user:password@host:port/db}) and {@code POSTGRES_HOST} with
     * {@code POSTGRES_PORT} and {@code POSTGRES_DB} give {@code db.url} (and user and password);
     * {@code DISCOVERY_SCHEDULE_CRON} is a five-field Unix cron, turned into Quartz's form.
     */
    public static final Map<String, List<String>> NAMES = names();

    private static Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put("hub.env", List.of("ENVIRONMENT", "HUB_ENV"));
        names.put("hub.worker-id", List.of("HUB_WORKER_ID", "WORKER_ID", "HOSTNAME"));
        names.put("hub.embedded", List.of("HUB_EMBEDDED"));
        names.put("db.url", List.of("DB_URL", "DATABASE_URL", "POSTGRES_HOST"));
        names.put("db.user", List.of("DB_USER", "DATABASE_URL", "POSTGRES_USER"));
        names.put("db.password", List.of("DB_PASSWORD", "DATABASE_URL", "POSTGRES_PASSWORD"));
        names.put("rabbitmq.url", List.of("RABBITMQ_URL"));
        names.put("rabbitmq.host", List.of("RABBITMQ_HOST"));
        names.put("rabbitmq.port", List.of("RABBITMQ_PORT"));
        names.put("rabbitmq.username", List.of("RABBITMQ_USERNAME", "RABBITMQ_USER"));
        names.put("rabbitmq.password", List.of("RABBITMQ_PASSWORD"));
        names.put("rabbitmq.vhost", List.of("RABBITMQ_VHOST"));
        names.put("pubg.api-keys", List.of("PUBG_MAIN_KEYS", "PUBG_API_KEYS"));
        names.put("pubg.ranked-api-keys", List.of("PUBG_RANKED_API_KEYS", "RANKED_API_KEY"));
        names.put("pubg.tournament-api-keys", List.of("PUBG_TOURNAMENT_API_KEYS", "PUBG_TOURNAMENT_KEYS"));
        names.put("pubg.platform", List.of("PUBG_PLATFORM"));
        names.put("telemetry.storage-path", List.of("TELEMETRY_STORAGE_PATH"));
        names.put("discovery.cron", List.of("DISCOVERY_CRON", "DISCOVERY_SCHEDULE_CRON"));
        names.put("discovery.batch-size", List.of("DISCOVERY_BATCH_SIZE", "PLAYER_BATCH_SIZE"));
        // (camel.* keys are read by Camel Main from the file, not looked up: the file refers to this one)
        names.put("hub.http-port", List.of("HUB_HTTP_PORT", "HTTP_PORT"));
        names.put("hub.http-host", List.of("HUB_HTTP_HOST", "HTTP_HOST"));
        return java.util.Collections.unmodifiableMap(names);
    }

    /** Names that carry a secret in their value (never logged). */
    public static final List<String> SECRET_NAMES = List.of("DB_PASSWORD", "DATABASE_URL", "POSTGRES_PASSWORD",
            "RABBITMQ_URL", "RABBITMQ_PASSWORD", "PUBG_MAIN_KEYS", "PUBG_API_KEYS", "PUBG_RANKED_API_KEYS", "RANKED_API_KEY",
            "PUBG_TOURNAMENT_API_KEYS", "PUBG_TOURNAMENT_KEYS");

    private final Map<String, String> variables;

    private HubEnvironment(Map<String, String> variables) {
        this.variables = variables;
    }

    /** The process environment over {@code <home>/.env} (when there is one). */
    public static HubEnvironment load(Path home, Map<String, String> process) {
        Map<String, String> merged = new HashMap<>(readDotEnv(home.resolve(".env")));
        merged.putAll(process);
        return new HubEnvironment(merged);
    }

    /** One variable as the hub sees it (environment over .env), or null. */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The value of a setting from the environment under any of its names, or null when none is set. */
    public String setting(String key) {
        List<String> names = NAMES.getOrDefault(key, List.of(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
        for (String name : names) {
            String value = variable(name);
            if (value == null) {
                continue;
            }
            switch (name) {
                case "DATABASE_URL" -> {
                    String part = databaseUrl(value).get(key);
                    if (part != null) {
                        return part;
                    }
                }
                case "POSTGRES_HOST" -> {
                    String port = variable("POSTGRES_PORT");
                    String db = variable("POSTGRES_DB");
                    return "jdbc:postgresql://" + value + ":" + (port == null ? "5432" : port) + "/" + (db == null ? "postgres" : db);
                }
                case "DISCOVERY_SCHEDULE_CRON" -> {
                    return quartzCron(value);
                }
                default -> {
                    return value;
                }
            }
        }
        return null;
    }

    /**
     * {@code postgresql://user:password@host:port/db?options} (or {@code postgres://}) as the JDBC URL, user and
     * password settings; a {@code jdbc:postgresql:} URL is taken as it is.
     */
    static Map<String, String> databaseUrl(String value) {
        Map<String, String> parts = new HashMap<>();
        if (value.startsWith("jdbc:")) {
            parts.put("db.url", value);
            return parts;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            // never echo the value: it holds the password
            throw new ConfigurationError("DATABASE_URL is not a URL of the form postgresql://user:password@host:port/database");
        }
        if (uri.getHost() == null || !List.of("postgresql", "postgres").contains(uri.getScheme())) {
            throw new ConfigurationError("DATABASE_URL is not a URL of the form postgresql://user:password@host:port/database");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
        parts.put("db.url", "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            parts.put("db.user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                parts.put("db.password", decode(userInfo.substring(colon + 1)));
            }
        }
        return parts;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * A Unix cron ({@code minute hour day-of-month month day-of-week}, Sunday 0) in Quartz's form
     * (seconds first, Sunday 1, one of the day fields '?'); a Quartz expression is taken as it is.
     */
    static String quartzCron(String unix) {
        String[] f = unix.trim().split("\\s+");
        if (f.length != 5) {
            return unix.trim();
        }
        String dayOfWeek = f[4];
        if (!dayOfWeek.equals("*") && !dayOfWeek.equals("?")) {
            StringBuilder shifted = new StringBuilder();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(dayOfWeek);
            int step = dayOfWeek.indexOf('/');
            while (m.find()) {
                boolean isStep = step >= 0 && m.start() > step;
                m.appendReplacement(shifted, isStep ? m.group() : Integer.toString(Integer.parseInt(m.group()) % 7 + 1));
            }
            m.appendTail(shifted);
            dayOfWeek = shifted.toString();
        }
        String dayOfMonth = f[2];
        if (dayOfWeek.equals("*")) {
            dayOfWeek = "?";
        } else {
            dayOfMonth = "?";
        }
        return "0 " + f[0] + " " + f[1] + " " + dayOfMonth + " " + f[3] + " " + dayOfWeek;
    }

    /**
     * {@code KEY=VALUE} lines as python-dotenv reads them: {@code export} allowed, {@code #} comments,
     * values in single quotes taken literally, in double quotes with {@code \n} and {@code \"} escapes,
     * unquoted values up to a {@code " #"} comment.
     */
    static Map<String, String> readDotEnv(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            } else if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\n", "\n").replace("\\\"", "\"");
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            values.put(name, value);
        }
        return values;
    }
}
