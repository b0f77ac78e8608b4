package gg.pewstats.collectors.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a telemetry file once, as a stream: one loop over the JSON array. Each event is tokenized once to
 * find its {@code _T} (which real files put last); only an event an extractor (or the participant list)
 * wants is then turned into a tree, from its bytes still held in memory ({@link EventBytes}), and handed
 * to those extractors. Memory holds one event at a time plus the rows made. Unknown types are counted and
 * logged once per type.
 */
public final class TelemetryReader {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryReader.class);
    /** Numbers with Jackson's fast (and exact) double parser: telemetry is mostly coordinates. */
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /** Event types of the official documentation, plus the spellings and extras seen in real files. */
    static final Set<String> KNOWN_TYPES = Set.of("LogArmorDestroy", "LogBlackZoneEnded", "LogCarePackageLand",
            "LogCarePackageSpawn", "LogCharacterCarry", "LogEmPickupLiftOff", "LogGameStatePeriodic", "LogHeal",
            "LogItemAttach", "LogItemDetach", "LogItemDrop", "LogItemEquip", "LogItemPickup",
            "LogItemPickupFromCarepackage", "LogItemPickupFromCustomPackage", "LogItemPickupFromLootbox",
            "LogItemPickupFromLootBox", "LogItemPickupFromVehicleTrunk", "LogItemPutToVehicleTrunk",
            "LogItemUnequip", "LogItemUse", "LogMatchDefinition", "LogMatchEnd", "LogMatchStart",
            "LogObjectDestroy", "LogObjectInteraction", "LogParachuteLanding", "LogPhaseChange", "LogPlayerAttack",
            "LogPlayerCreate", "LogPlayerDestroyBreachableWall", "LogPlayerDestroyProp", "LogPlayerKill",
            "LogPlayerKillV2", "LogPlayerLogin", "LogPlayerLogout", "LogPlayerMakeGroggy", "LogPlayerPosition",
            "LogPlayerRedeploy", "LogPlayerRedeployBRStart", "LogPlayerRevive", "LogPlayerTakeDamage",
            "LogPlayerUseFlareGun", "LogPlayerUseThrowable", "LogRedZoneEnded", "LogSwimEnd", "LogSwimStart",
            "LogVaultStart", "LogVehicleDamage", "LogVehicleDestroy", "LogVehicleLeave", "LogVehicleRide",
            "LogWeaponFireCount", "LogWheelDestroy", "LogSpecialZoneInCharacters");

    /** Where the match's participants are named (for the tracked players found in a match). */
    private static final Set<String> PARTICIPANT_TYPES = Set.of("LogMatchStart", "LogMatchEnd", "LogPlayerCreate",
            "LogPlayerLogin");

    /** What one pass over a file gave besides the rows. */
    public record ReadSummary(int events, Set<String> accountIds, Map<String, Integer> unknownTypes) {
    }

    /** Reads the JSON stream to its end, feeding the extractors; a bad file is a {@link TelemetryRejectedException}. */
    public ReadSummary read(InputStream json, List<? extends EventReader> extractors) {
        Map<String, List<EventReader>> byType = new HashMap<>();
        for (EventReader extractor : extractors) {
            for (String type : extractor.eventTypes()) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(extractor);
            }
        }
        Set<String> accountIds = new LinkedHashSet<>();
        Map<String, Integer> unknown = new TreeMap<>();
        int index = -1;
        EventBytes bytes = new EventBytes(json);
        try (EventWorker worker = new EventWorker(MAPPER, (type, event) -> {
                    if (PARTICIPANT_TYPES.contains(type)) {
                        collectAccountIds(type, event, accountIds);
                    }
                });
                JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new TelemetryRejectedException("telemetry is not a JSON array");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new TelemetryRejectedException("telemetry ends before its closing ']' after "
                            + (index + 1) + " events: the file is truncated");
                }
                index++;
                if (token != JsonToken.START_OBJECT) {
                    // counted and passed over; its bytes are not kept
                    parser.skipChildren();
                    bytes.discardBefore(parser.currentLocation().getByteOffset());
                    if (unknown.merge("(not an object)", 1, Integer::sum) == 1) {
                        LOG.info("Telemetry holds elements that are not events (not JSON objects): counted and passed over");
                    }
                    continue;
                }
                long start = parser.currentTokenLocation().getByteOffset();
                bytes.discardBefore(start);
                // tokenize the event once, finding its top-level _T; nested values are skipped unread
                String type = null;
                while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    boolean isType = "_T".equals(parser.currentName());
                    token = parser.nextToken();
                    if (isType && token == JsonToken.VALUE_STRING) {
                        type = parser.getText();
                    } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                    }
                }
                if (token != JsonToken.END_OBJECT) {
                    throw new TelemetryRejectedException("telemetry ends inside event " + index + ": the file is truncated");
                }
                long end = parser.currentLocation().getByteOffset();

                List<EventReader> targets = type == null ? null : byType.get(type);
                boolean participants = type != null && PARTICIPANT_TYPES.contains(type);
                if (targets == null && !participants) {
                    if (type == null || !KNOWN_TYPES.contains(type)) {
                        String key = type == null ? "(no _T)" : type;
                        if (unknown.merge(key, 1, Integer::sum) == 1) {
                            LOG.info("Telemetry event type {} is not known to the hub: counted and passed over", key);
                        }
                    }
                    continue;
                }
                // a wanted event: its bytes are still in memory; the worker makes the tree and feeds the readers
                worker.submit(index, type, bytes.buffer(), bytes.position(start), (int) (end - start), targets);
            }
            worker.complete();
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            throw new TelemetryRejectedException("telemetry ends in the middle of event " + Math.max(index, 0)
                    + ": the file is truncated (" + e.getOriginalMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new TelemetryRejectedException("telemetry is not valid JSON near event " + Math.max(index, 0) + ": "
                    + e.getOriginalMessage(), e);
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new TelemetryRejectedException("telemetry gzip is truncated or corrupt near event "
                    + Math.max(index, 0) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int notObjects = unknown.getOrDefault("(not an object)", 0);
        if (index + 1 - notObjects == 0) {
            throw new TelemetryRejectedException("telemetry holds no events" + (notObjects > 0
                    ? " (" + notObjects + " element(s), none of them a JSON object)" : " (an empty array)"));
        }
        for (EventReader extractor : extractors) {
            extractor.finish();
        }
        return new ReadSummary(index + 1, accountIds, unknown);
    }

    private static void collectAccountIds(String type, JsonNode event, Set<String> into) {
        switch (type) {
            case "LogMatchStart", "LogMatchEnd" -> {
                for (JsonNode entry : event.path("characters")) {
                    add(into, Characters.accountId(Characters.character(entry)));
                }
            }
            case "LogPlayerCreate" -> add(into, Characters.accountId(Characters.character(event.get("character"))));
            case "LogPlayerLogin" -> add(into, Characters.text(event, "accountId"));
            default -> {
            }
        }
    }

    private static void add(Set<String> into, String accountId) {
        if (accountId != null && !accountId.isEmpty()) {
            into.add(accountId);
        }
    }
}
