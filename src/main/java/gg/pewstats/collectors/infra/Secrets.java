package gg.pewstats.collectors.infra;

import java.net.URI;

/** Renders connection strings and keys for logs without their secrets. */
public final class Secrets {

    private Secrets() {
    }

    /** The last four characters of a key, e.g. {@code …a1b2}; never more. */
    public static String maskKey(String key) {
        if (key == null || key.isEmpty()) {
            return "…";
        }
        return "…" + key.substring(Math.max(0, key.length() - 4));
    }

    /** A JDBC URL without its query string (which may carry a password). */
    public static String jdbcUrlForLog(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
    }

    /** An AMQP URI without the password of its user-info part. */
    public static String amqpUriForLog(String uri) {
        try {
            URI parsed = URI.create(uri);
            String userInfo = parsed.getUserInfo();
            String user = userInfo == null ? "" : userInfo.split(":", 2)[0] + "@";
            String port = parsed.getPort() < 0 ? "" : ":" + parsed.getPort();
            String path = parsed.getPath() == null ? "" : parsed.getPath();
            return parsed.getScheme() + "://" + user + parsed.getHost() + port + path;
        } catch (IllegalArgumentException e) {
            return "(unparseable AMQP URI)";
        }
    }
}
