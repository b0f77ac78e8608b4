package gg.pewstats.collectors.messages;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a telemetry URL before any I/O: a scheme on the allowed list (https in production) and a host
 * that is, or is below, one of the allowed domains (by default the PUBG CDN domains pubg.com and
 * playbattlegrounds.com, so a new CDN host under them keeps working).
 */
public final class TelemetryUrls {

    private final Set<String> domains;
    private final Set<String> schemes;

    public TelemetryUrls(String allowedHosts, String allowedSchemes) {
        this.domains = split(allowedHosts);
        this.schemes = split(allowedSchemes);
    }

    /** The URL when it may be downloaded; otherwise the reason, with the URL escaped (it comes from a message). */
    public String check(String url) {
        String shown = gg.pewstats.collectors.infra.LogSafe.escape(url);
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new InvalidMessageException("telemetry_url is not a valid URL: " + shown);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidMessageException("telemetry_url has user-info (a name before '@'), which is not allowed: " + shown);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            throw new InvalidMessageException("telemetry_url scheme '" + gg.pewstats.collectors.infra.LogSafe.escape(scheme)
                    + "' is not allowed (allowed: " + schemes + "): " + shown);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = domains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
        if (host.isEmpty() || !allowed) {
            throw new InvalidMessageException("telemetry_url host '" + gg.pewstats.collectors.infra.LogSafe.escape(host)
                    + "' is not on the allow-list " + domains + ": " + shown);
        }
        return url;
    }

    private static Set<String> split(String list) {
        return Arrays.stream(list == null ? new String[0] : list.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
