package gg.pewstats.collectors.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reading the shared telemetry objects tolerantly: the 9-field and the 14-field Character, a
 * CharacterWrapper where a Character is expected, null or missing objects, and {@code _D} with 3 or 7
 * fractional digits or an offset.
 */
public final class Characters {

    private Characters() {
    }

    /** The Character itself, also when wrapped in a CharacterWrapper; null when absent. */
    public static JsonNode character(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        JsonNode inner = node.get("character");
        return inner != null && inner.isObject() ? inner : node;
    }

    public static String accountId(JsonNode character) {
        return text(character, "accountId");
    }

    public static String name(JsonNode character) {
        return text(character, "name");
    }

    public static Integer teamId(JsonNode character) {
        return integer(character, "teamId");
    }

    public static Double health(JsonNode character) {
        return number(character, "health");
    }

    public static Double x(JsonNode character) {
        return character == null ? null : number(character.get("location"), "x");
    }

    public static Double y(JsonNode character) {
        return character == null ? null : number(character.get("location"), "y");
    }

    public static Double z(JsonNode character) {
        return character == null ? null : number(character.get("location"), "z");
    }

    public static Boolean inBlueZone(JsonNode character) {
        return bool(character, "isInBlueZone");
    }

    public static Boolean inRedZone(JsonNode character) {
        return bool(character, "isInRedZone");
    }

    public static Boolean inVehicle(JsonNode character) {
        return bool(character, "isInVehicle");
    }

    /** The regions the character is in, as a JSON array text ({@code ["pochinki"]}); null without a zone list. */
    public static String zone(JsonNode character) {
        JsonNode zone = character == null ? null : character.get("zone");
        return zone == null || !zone.isArray() ? null : zone.toString();
    }

    /**
     * In a vehicle: modern Characters say isInVehicle; kill events also carry the character's vehicle,
     * whose type is "" on foot.
     */
    public static Boolean inVehicle(JsonNode character, JsonNode vehicle) {
        Boolean flag = inVehicle(character);
        if (flag != null) {
            return flag;
        }
        if (vehicle != null && vehicle.isObject()) {
            String vehicleType = text(vehicle, "vehicleType");
            return vehicleType != null && !vehicleType.isEmpty();
        }
        return null;
    }

    /** Bots: {@code ai.} account ids, or {@code type: "user_ai"} in modern data. */
    public static boolean isBot(JsonNode character) {
        if (character == null) {
            return false;
        }
        String id = accountId(character);
        return (id != null && id.startsWith("ai.")) || "user_ai".equals(text(character, "type"));
    }

    public static OffsetDateTime eventTime(JsonNode event) {
        String d = text(event, "_D");
        if (d == null || d.isEmpty()) {
            return null;
        }
        OffsetDateTime fast = millisUtc(d);
        return fast != null ? fast : Instant.parse(d).atOffset(ZoneOffset.UTC);
    }

    /** The usual form, {@code 2026-04-15T21:45:24.216Z}, read without a formatter; null for any other. */
    static OffsetDateTime millisUtc(String d) {
        if (d.length() != 24 || d.charAt(4) != '-' || d.charAt(7) != '-' || d.charAt(10) != 'T' || d.charAt(13) != ':'
                || d.charAt(16) != ':' || d.charAt(19) != '.' || d.charAt(23) != 'Z') {
            return null;
        }
        try {
            return OffsetDateTime.of(digits(d, 0, 4), digits(d, 5, 7), digits(d, 8, 10), digits(d, 11, 13),
                    digits(d, 14, 16), digits(d, 17, 19), digits(d, 20, 23) * 1_000_000, ZoneOffset.UTC);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public static Double isGame(JsonNode event) {
        JsonNode common = event.get("common");
        return common == null ? null : number(common, "isGame");
    }

    public static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static Integer integer(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asInt();
    }

    public static Long longValue(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asLong();
    }

    public static Double number(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    public static Boolean bool(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || !value.isBoolean() ? null : value.asBoolean();
    }
}
