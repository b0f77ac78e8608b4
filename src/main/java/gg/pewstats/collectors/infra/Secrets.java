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

    /**
     * A JDBC URL without what may carry a secret: user-info before the host ({@code user:password@}) and
     * the query string ({@code password=…}).
     */
    public static String jdbcUrlForLog(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        int query = jdbcUrl.indexOf('?');
        String url = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
        int scheme = url.indexOf("//");
        int at = url.lastIndexOf('@', url.indexOf('/', scheme + 2) < 0 ? url.length() : url.indexOf('/', scheme + 2));
        if (scheme >= 0 && at > scheme) {
            url = url.substring(0, scheme + 2) + "…@" + url.substring(at + 1);
        }
        return url;
    }

    // Starts only where a token starts and never backtracks (possessive): linear in the text, so a long
    // message without spaces (a body echoed in an exception) cannot stall the logging thread.
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("(?<![^\\s/@:])[^\\s/@:]++:[^\\s/@]*+@");

    /** A text (an error message, a URL) with any {@code user:password@} in it shown as {@code …@}. */
    public static String maskUserInfo(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("…@");
    }

    /** A text (an exception message) with every occurrence of the given secrets replaced by "…". */
    public static String without(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 3) {
                result = result.replace(secret, "…");
            }
        }
        return result;
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
