package gg.pewstats.collectors.pubg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.infra.Secrets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PUBG API keys, handed out round-robin to the rate-limited calls. Each call is tagged with its
 * key's id (exchange property {@value #KEY_ID}) and per-minute limit (property {@value #KEY_RPM}) so that
 * the route's throttle keeps one window per key; only the Authorization header carries the secret, and the
 * route removes it after the call. A key the API rejects with 401 leaves the rotation.
 */
public final class ApiKeyPool {

    public static final String KEY_ID = "PubgKeyId";
    public static final String KEY_RPM = "PubgKeyRpm";
    /**
     * Exchange property naming the rate window of the key (a digest of the secret): the one throttle of
     * every keyed call counts per window, so a key shared by two pools (or a pool falling back to the
     * main one) is never used past its limit.
     */
    public static final String KEY_WINDOW = "PubgKeyWindow";
    /** Exchange property counting the calls (retries included) made for one exchange. */
    public static final String CALLS = "pubgCalls";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyPool.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One key; {@link #id()} is what logs, metrics and headers show (its last four characters). */
    public static final class ApiKey {
        private final String id;
        private final String secret;
        private final String window;
        private final int rpm;
        private volatile boolean active = true;
        private final AtomicLong calls = new AtomicLong();

        ApiKey(String prefix, int index, String secret, int rpm) {
            this.id = prefix + "key" + index + Secrets.maskKey(secret);
            this.secret = secret;
            this.window = windowOf(secret);
            this.rpm = rpm;
        }

        public String id() {
            return id;
        }

        public int rpm() {
            return rpm;
        }

        public boolean active() {
            return active;
        }

        public long calls() {
            return calls.get();
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private volatile List<ApiKey> keys = List.of();
    private final AtomicInteger next = new AtomicInteger();
    private String config = "";
    private int defaultRpm = 10;
    private String name = "";
    private String setting = "PUBG_API_KEYS";
    private ApiKeyPool fallback;
    private ApiKeyPool delegate;

    /**
     * For the route files: the keys are set as a bean property, never as a constructor argument (Camel
     * splits constructor arguments at commas and strips their quotes, which broke the JSON form).
     */
    public ApiKeyPool() {
    }

    public ApiKeyPool(String config, int defaultRpm) {
        this.config = config;
        this.defaultRpm = defaultRpm;
        init();
    }

    /** {@code PUBG_API_KEYS} as given: "k1,k2" or a JSON array of {"key": "...", "rpm": 10}. */
    public void setConfig(String config) {
        this.config = config;
    }

    public void setDefaultRpm(int defaultRpm) {
        this.defaultRpm = defaultRpm;
    }

    /** A pool of its own (ranked, tournament): the prefix of its keys' ids and the setting it is read from. */
    public void setName(String name) {
        this.name = name;
        this.setting = "PUBG_" + name.toUpperCase(java.util.Locale.ROOT) + "_API_KEYS";
    }

    /**
     * The pool used when this one has no keys configured: its keys, rotation and rate windows, so the
     * calls of both count against one budget.
     */
    public void setFallback(ApiKeyPool fallback) {
        this.fallback = fallback;
    }

    /** Reads the keys (once the properties are set); logs each by its last four characters with its rate. */
    public void init() {
        this.keys = parse(config, defaultRpm, name.isEmpty() ? "" : name + "-", setting);
        if (keys.isEmpty() && fallback != null) {
            delegate = fallback;
            LOG.info("{} not set: {} calls use the main PUBG API keys and share their per-key limits", setting, name);
        } else if (keys.isEmpty()) {
            LOG.warn("No PUBG API key configured ({}): discovery will not call the players endpoint", setting);
        } else {
            LOG.info("PUBG API keys{}: {}", name.isEmpty() ? "" : " (" + name + ")",
                    keys.stream().map(k -> k.id() + " at " + k.rpm() + " rpm").toList());
        }
    }

    static List<ApiKey> parse(String config, int defaultRpm) {
        return parse(config, defaultRpm, "", "PUBG_API_KEYS");
    }

    /** The rate window of a secret: a digest, never the secret itself (it ends up in the throttle's maps). */
    static String windowOf(String secret) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "w" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code PUBG_API_KEYS} (or a pool's own setting): "k1,k2" or a JSON array of {"key": "...", "rpm": 10}. */
    static List<ApiKey> parse(String config, int defaultRpm, String prefix, String setting) {
        List<ApiKey> result = new ArrayList<>();
        String text = config == null ? "" : config.trim();
        if (text.isEmpty()) {
            return result;
        }
        if (text.startsWith("[")) {
            JsonNode array;
            try {
                array = JSON.readTree(text);
            } catch (IOException e) {
                // Never echo the value: it holds the keys.
                throw new gg.pewstats.collectors.infra.ConfigurationError(setting + " is not valid JSON (expected [{\"key\":…,\"rpm\":…}])");
            }
            for (JsonNode entry : array) {
                String key = entry.isTextual() ? entry.asText() : entry.path("key").asText("");
                int rpm = entry.path("rpm").asInt(defaultRpm);
                if (key.isBlank() || rpm <= 0) {
                    throw new gg.pewstats.collectors.infra.ConfigurationError(setting + " entry " + (result.size() + 1)
                            + " needs a non-empty key and a positive rpm");
                }
                result.add(new ApiKey(prefix, result.size() + 1, key.trim(), rpm));
            }
        } else {
            for (String key : text.split(",")) {
                if (!key.isBlank()) {
                    result.add(new ApiKey(prefix, result.size() + 1, key.trim(), defaultRpm));
                }
            }
        }
        return result;
    }

    public boolean hasKeys() {
        if (delegate != null) {
            return delegate.hasKeys();
        }
        return keys.stream().anyMatch(ApiKey::active);
    }

    /** The keys this pool hands out (the main pool's when it falls back to them). */
    public List<ApiKey> keys() {
        return delegate != null ? delegate.keys() : List.copyOf(keys);
    }

    /** Whether this pool uses the main pool's keys (its own setting is empty). */
    public boolean sharesMainKeys() {
        return delegate != null;
    }

    /** Picks the next active key and puts it on the exchange, ready for the throttle and the HTTP call. */
    public void assign(Exchange exchange) {
        if (delegate != null) {
            delegate.assign(exchange);
            return;
        }
        ApiKey key = nextActive();
        key.calls.incrementAndGet();
        exchange.setProperty(KEY_ID, key.id());
        exchange.setProperty(KEY_RPM, key.rpm());
        exchange.setProperty(KEY_WINDOW, key.window);
        exchange.setProperty(CALLS, exchange.getProperty(CALLS, 0, Integer.class) + 1);
        exchange.getMessage().setHeader("Authorization", "Bearer " + key.secret);
    }

    /** After a 401: the key named on the exchange leaves the rotation, with one clear error in the log. */
    public void revoke(Exchange exchange) {
        if (delegate != null) {
            delegate.revoke(exchange);
            return;
        }
        String id = exchange.getProperty(KEY_ID, String.class);
        for (ApiKey key : keys) {
            if (key.id().equals(id) && key.active) {
                key.active = false;
                LOG.error("PUBG API key {} was rejected with 401 Unauthorized: removed from rotation ({} key(s) left)",
                        key.id(), keys.stream().filter(ApiKey::active).count());
            }
        }
    }

    private ApiKey nextActive() {
        int size = keys.size();
        for (int i = 0; i < size; i++) {
            ApiKey key = keys.get(Math.floorMod(next.getAndIncrement(), size));
            if (key.active) {
                return key;
            }
        }
        throw new NoUsableApiKeyException(size == 0
                ? "no PUBG API key configured (set " + setting + ")"
                : "every PUBG API key was rejected with 401 Unauthorized; fix " + setting + " and restart");
    }

    /** No key is left to call a rate-limited endpoint with. */
    public static final class NoUsableApiKeyException extends IllegalStateException {
        public NoUsableApiKeyException(String message) {
            super(message);
        }
    }
}
