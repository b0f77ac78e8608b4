package gg.pewstats.collectors.telemetry;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a modern match's telemetry to the official schema (telemetry-events.rst, telemetry-objects.rst)
 * with what real files add: the 14-field Character (type "user"/"user_ai"), CharacterWrapper in
 * LogMatchStart/LogMatchEnd, LogPlayerKillV2 with knocker, finisher and killer who may differ, null
 * attackers for zone damage, bots killing bots, LogItemPickupFromLootBox, _D with 3 or 7 fractional digits,
 * and an event type no documentation lists. Deterministic for a seed. At full size (100 players, squads)
 * it is about 50k events and 35-40 MB of JSON; tests use a few players.
 */
public final class TelemetryGenerator {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final int players;
    private final int teamSize;
    private final int seconds;
    private final Random random;
    private final List<Player> roster = new ArrayList<>();
    private Instant start = Instant.parse("2026-04-15T21:45:33.120Z");
    private int attackIds = 1000;
    private boolean botKilledBot;

    record Player(String accountId, String name, int teamId, boolean bot) {
    }

    public TelemetryGenerator(int players, int teamSize, int seconds, long seed) {
        this.players = players;
        this.teamSize = teamSize;
        this.seconds = seconds;
        this.random = new Random(seed);
        for (int i = 0; i < players; i++) {
            boolean bot = i % 50 == 49 || (players < 50 && i >= players - 2);
            String id = bot ? "ai." + (300 + i) : String.format("account.%032x", 0xabc000L + i);
            roster.add(new Player(id, bot ? "bot" + i : "player" + i, i / teamSize + 1, bot));
        }
    }

    /** A full-size squad match: 100 players, about half an hour. */
    public static TelemetryGenerator fullSizeSquadMatch(long seed) {
        return new TelemetryGenerator(100, 4, 1850, seed);
    }

    public List<String> accountIds() {
        return roster.stream().map(Player::accountId).toList();
    }

    public void writeGzip(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out);
        }
    }

    public void write(OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            // LogMatchDefinition: PascalCase, no common, 7 fractional digits, comes first though it is later
            g.writeStartObject();
            g.writeStringField("MatchId", "match.bro.official.pc-2018-33.steam.squad.na.2026.04.15.21.4a57679f");
            g.writeStringField("PingQuality", "low");
            g.writeStringField("_D", "2026-04-15T22:12:30.8414374Z");
            g.writeStringField("_T", "LogMatchDefinition");
            g.writeEndObject();
            for (Player p : roster) {
                event(g, 0, "LogPlayerLogin", 0, () -> {
                    g.writeBooleanField("result", true);
                    g.writeStringField("errorMessage", "");
                    g.writeStringField("accountId", p.accountId());
                });
                event(g, 1, "LogPlayerCreate", 0, () -> character(g, "character", p, 100, 0, 0, false));
            }
            event(g, 60, "LogMatchStart", 0, () -> {
                g.writeStringField("mapName", "Neon_Main");
                g.writeStringField("weatherId", "Clear");
                g.writeArrayFieldStart("characters");
                for (Player p : roster) {
                    g.writeStartObject();
                    character(g, "character", p, 100, 0, 0, false);
                    g.writeStringField("primaryWeaponFirst", "");
                    g.writeStringField("primaryWeaponSecond", "");
                    g.writeStringField("secondaryWeapon", "");
                    g.writeNumberField("spawnKitIndex", 0);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("cameraViewBehaviour", "FpsAndTps");
                g.writeNumberField("teamSize", teamSize);
                g.writeBooleanField("isCustomGame", false);
                g.writeBooleanField("isEventMode", false);
                g.writeStringField("blueZoneCustomOptions", "[{\"phaseNum\":1,\"startDelay\":120,\"warningDuration\":300}]");
            });
            List<Player> alive = new ArrayList<>(roster);
            int landingAt = 120;
            double nextKillAt = landingAt + 10;
            int phase = 0;
            for (int t = 60; t <= seconds; t += 10) {
                double isGame = t < 90 ? 0.1 : t < 180 ? 0.5 : 1.0 + Math.min(8, (t - 180) / 200) * 0.5;
                int tick = t;
                // a new white circle every 200 s from t=180
                if (t >= 180 && (t - 180) % 200 == 0 && phase < 9) {
                    phase++;
                }
                int currentPhase = phase;
                event(g, t, "LogGameStatePeriodic", isGame, () -> gameState(g, tick, currentPhase, alive.size()));
                if (t == landingAt) {
                    for (Player p : alive) {
                        event(g, t, "LogParachuteLanding", isGame, () -> {
                            character(g, "character", p, 100, 1.0, 0, false);
                            g.writeNumberField("distance", 1200 + random.nextInt(90000));
                        });
                    }
                }
                for (Player p : alive) {
                    event(g, t, "LogPlayerPosition", isGame, () -> {
                        character(g, "character", p, 100, isGame, currentPhase, false);
                        if (random.nextInt(3) == 0) {
                            vehicle(g, "vehicle");
                        } else {
                            g.writeNullField("vehicle");
                        }
                        g.writeNumberField("elapsedTime", tick);
                        g.writeNumberField("numAlivePlayers", alive.size());
                    });
                    for (int k = 0; k < 2; k++) {
                        event(g, t, "LogItemPickup", isGame, () -> {
                            character(g, "character", p, 100, isGame, currentPhase, false);
                            item(g, "item");
                        });
                    }
                    event(g, t, "LogPlayerAttack", isGame, () -> {
                        g.writeNumberField("attackId", attackIds++);
                        g.writeNumberField("fireWeaponStackCount", 3);
                        character(g, "attacker", p, 100, isGame, currentPhase, false);
                        g.writeStringField("attackType", "Weapon");
                        item(g, "weapon");
                        g.writeNullField("vehicle");
                    });
                    event(g, t, "LogItemEquip", isGame, () -> {
                        character(g, "character", p, 100, isGame, currentPhase, false);
                        item(g, "item");
                    });
                }
                if (t > landingAt && alive.size() > 1) {
                    // damage: some from players, some from the zone (null attacker)
                    for (int k = 0; k < Math.max(1, players / 3); k++) {
                        Player victim = alive.get(random.nextInt(alive.size()));
                        Player attacker = random.nextInt(4) == 0 ? null : alive.get(random.nextInt(alive.size()));
                        event(g, t, "LogPlayerTakeDamage", isGame, () -> {
                            g.writeNumberField("attackId", attacker == null ? -1 : attackIds++);
                            if (attacker == null) {
                                g.writeNullField("attacker");
                            } else {
                                character(g, "attacker", attacker, 80, isGame, currentPhase, false);
                            }
                            character(g, "victim", victim, 60, isGame, currentPhase, false);
                            g.writeStringField("damageTypeCategory", attacker == null ? "Damage_BlueZone" : "Damage_Gun");
                            g.writeStringField("damageReason", attacker == null ? "NonSpecific" : "TorsoShot");
                            g.writeNumberField("damage", 10 + random.nextInt(40));
                            g.writeStringField("damageCauserName", attacker == null ? "BlueZoneBomb_EffectActor_C" : "WeapHK416_C");
                            g.writeBooleanField("isThroughPenetrableWall", false);
                        });
                    }
                    if (t % 20 == 0) {
                        event(g, t, "LogItemPickupFromLootBox", isGame, () -> {
                            character(g, "character", alive.get(0), 100, isGame, currentPhase, false);
                            item(g, "item");
                            g.writeNumberField("ownerTeamId", 3);
                            g.writeStringField("creatorAccountId", roster.get(0).accountId());
                        });
                        event(g, t, "LogHypotheticalNewEvent", isGame, () -> g.writeStringField("someField", "x"));
                    }
                    // kills spread evenly until one player is left: knock first (in squads), then the kill
                    while (t >= nextKillAt && alive.size() > 1) {
                        nextKillAt += (seconds - landingAt) / (double) Math.max(1, players - 1);
                        List<Player> bots = alive.stream().filter(Player::bot).toList();
                        boolean botOnBot = !botKilledBot && bots.size() >= 2;
                        botKilledBot |= botOnBot;
                        // the first kill between two bots alive: a bot kills a bot (it crashed peer parsers)
                        Player victim = botOnBot ? bots.get(1) : alive.get(random.nextInt(alive.size()));
                        alive.remove(victim);
                        Player killer = botOnBot ? bots.get(0) : alive.get(random.nextInt(alive.size()));
                        Player finisher = alive.get(random.nextInt(alive.size()));
                        boolean zone = !botOnBot && random.nextInt(10) == 0;
                        int dbno = 500 + attackIds;
                        if (teamSize > 1) {
                            event(g, t, "LogPlayerMakeGroggy", isGame, () -> {
                                g.writeNumberField("attackId", attackIds++);
                                character(g, "attacker", killer, 90, isGame, currentPhase, false);
                                character(g, "victim", victim, 0, isGame, currentPhase, false);
                                g.writeStringField("damageReason", "HeadShot");
                                g.writeStringField("damageTypeCategory", "Damage_Gun");
                                g.writeStringField("damageCauserName", "WeapBerylM762_C");
                                g.writeArrayFieldStart("damageCauserAdditionalInfo");
                                g.writeEndArray();
                                g.writeStringField("victimWeapon", "WeapAK47_C_12");
                                g.writeArrayFieldStart("victimWeaponAdditionalInfo");
                                g.writeEndArray();
                                g.writeNumberField("distance", 1000 + random.nextInt(20000));
                                g.writeBooleanField("isAttackerInVehicle", false);
                                g.writeNumberField("dBNOId", dbno);
                            });
                        }
                        event(g, t, "LogPlayerKillV2", isGame, () -> {
                            g.writeNumberField("attackId", attackIds++);
                            g.writeNumberField("dBNOId", teamSize > 1 ? dbno : -1);
                            g.writeObjectFieldStart("victimGameResult");
                            g.writeNumberField("rank", 0);
                            g.writeStringField("gameResult", "lost");
                            g.writeNumberField("teamId", victim.teamId());
                            g.writeObjectFieldStart("stats");
                            g.writeNumberField("killCount", 0);
                            g.writeNumberField("distanceOnFoot", 1234.5);
                            g.writeEndObject();
                            g.writeStringField("accountId", victim.accountId());
                            g.writeEndObject();
                            character(g, "victim", victim, 0, isGame, currentPhase, false);
                            g.writeStringField("victimWeapon", "WeapAK47_C_12");
                            g.writeArrayFieldStart("victimWeaponAdditionalInfo");
                            g.writeEndArray();
                            if (teamSize > 1) {
                                character(g, "dBNOMaker", killer, 90, isGame, currentPhase, false);
                                damageInfo(g, "dBNODamageInfo", "HeadShot", "WeapBerylM762_C", 5000);
                            } else {
                                g.writeNullField("dBNOMaker");
                                g.writeNullField("dBNODamageInfo");
                            }
                            character(g, "finisher", finisher, 90, isGame, currentPhase, false);
                            damageInfo(g, "finishDamageInfo", "TorsoShot", "WeapM416_C", 800);
                            if (zone) {
                                g.writeNullField("killer");
                                g.writeNullField("killerDamageInfo");
                            } else {
                                character(g, "killer", killer, 90, isGame, currentPhase, false);
                                damageInfo(g, "killerDamageInfo", "HeadShot", "WeapBerylM762_C", 5000);
                            }
                            g.writeArrayFieldStart("assists_AccountId");
                            g.writeEndArray();
                            g.writeArrayFieldStart("teamKillers_AccountId");
                            g.writeEndArray();
                            g.writeBooleanField("isSuicide", false);
                            vehicle(g, "killerVehicle");
                            vehicle(g, "victimVehicle");
                        });
                    }
                }
            }
            event(g, seconds + 5, "LogMatchEnd", 8, () -> {
                g.writeArrayFieldStart("characters");
                for (Player p : roster) {
                    g.writeStartObject();
                    character(g, "character", p, 100, 8, 9, false);
                    g.writeStringField("primaryWeaponFirst", "WeapM416_C");
                    g.writeStringField("primaryWeaponSecond", "");
                    g.writeStringField("secondaryWeapon", "");
                    g.writeNumberField("spawnKitIndex", 0);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("gameResultOnFinished");
                g.writeEndArray();
            });
            g.writeEndArray();
        }
    }

    interface Body {
        void write() throws IOException;
    }

    private void event(JsonGenerator g, int second, String type, double isGame, Body body) throws IOException {
        g.writeStartObject();
        body.write();
        g.writeObjectFieldStart("common");
        g.writeNumberField("isGame", (float) isGame);
        g.writeEndObject();
        Instant at = start.plus(second, ChronoUnit.SECONDS).plusMillis(random.nextInt(1000));
        g.writeStringField("_D", MILLIS.format(at));
        g.writeStringField("_T", type);
        g.writeEndObject();
    }

    private void character(JsonGenerator g, String field, Player p, double health, double isGame, int phase,
            boolean inVehicle) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("name", p.name());
        g.writeNumberField("teamId", p.teamId());
        g.writeNumberField("health", health);
        g.writeObjectFieldStart("location");
        g.writeNumberField("x", 100000 + random.nextInt(600000) + random.nextDouble());
        g.writeNumberField("y", 100000 + random.nextInt(600000) + random.nextDouble());
        g.writeNumberField("z", 500 + random.nextInt(3000) + random.nextDouble());
        g.writeEndObject();
        g.writeNumberField("ranking", 0);
        g.writeNumberField("individualRanking", 0);
        g.writeStringField("accountId", p.accountId());
        g.writeBooleanField("isInBlueZone", isGame > 1 && random.nextInt(10) == 0);
        g.writeBooleanField("isInRedZone", false);
        g.writeArrayFieldStart("zone");
        g.writeString("rondo_city");
        if (random.nextBoolean()) {
            g.writeString("rondo_suburbs");
        }
        g.writeEndArray();
        g.writeBooleanField("inSpecialZone", false);
        g.writeBooleanField("isInVehicle", inVehicle);
        g.writeStringField("type", p.bot() ? "user_ai" : "user");
        g.writeBooleanField("isDBNO", false);
        g.writeEndObject();
    }

    private void item(JsonGenerator g, String field) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("itemId", "Item_Weapon_HK416_C");
        g.writeNumberField("stackCount", 1);
        g.writeStringField("category", "Weapon");
        g.writeStringField("subCategory", "Main");
        g.writeArrayFieldStart("attachedItems");
        g.writeEndArray();
        g.writeEndObject();
    }

    private void damageInfo(JsonGenerator g, String field, String reason, String causer, int distance) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("damageReason", reason);
        g.writeStringField("damageTypeCategory", "Damage_Gun");
        g.writeStringField("damageCauserName", causer);
        g.writeArrayFieldStart("additionalInfo");
        g.writeEndArray();
        g.writeNumberField("distance", distance + random.nextInt(1000));
        g.writeBooleanField("isThroughPenetrableWall", false);
        g.writeEndObject();
    }

    private void vehicle(JsonGenerator g, String field) throws IOException {
        // on foot: a zeroed sentinel with vehicleType "", not null
        g.writeObjectFieldStart(field);
        g.writeStringField("vehicleType", "");
        g.writeStringField("vehicleId", "");
        g.writeNumberField("healthPercent", 0);
        g.writeNumberField("feulPercent", 0);
        g.writeEndObject();
    }

    private void gameState(JsonGenerator g, int t, int phase, int alive) throws IOException {
        g.writeObjectFieldStart("gameState");
        g.writeNumberField("elapsedTime", t);
        g.writeNumberField("numAliveTeams", Math.max(1, alive / teamSize));
        g.writeNumberField("numJoinPlayers", players);
        g.writeNumberField("numStartPlayers", players);
        g.writeNumberField("numAlivePlayers", alive);
        double safeRadius = phase == 0 ? 580000 : 400000.0 / phase;
        writePosition(g, "safetyZonePosition", 400000 + phase * 1000, 400000 - phase * 1000);
        g.writeNumberField("safetyZoneRadius", safeRadius);
        if (phase == 0) {
            writePosition(g, "poisonGasWarningPosition", 0, 0);
            g.writeNumberField("poisonGasWarningRadius", 0);
        } else {
            writePosition(g, "poisonGasWarningPosition", 400000 + phase * 1500.5, 400000 - phase * 1500.5);
            g.writeNumberField("poisonGasWarningRadius", 300000.0 / phase);
        }
        writePosition(g, "redZonePosition", 0, 0);
        g.writeNumberField("redZoneRadius", 0);
        writePosition(g, "blackZonePosition", 0, 0);
        g.writeNumberField("blackZoneRadius", 0);
        g.writeNumberField("numStartTeams", players / teamSize);
        g.writeNumberField("numParticipatedTeams", players / teamSize);
        g.writeNumberField("numParticipatedPlayers", players);
        g.writeEndObject();
    }

    private static void writePosition(JsonGenerator g, String field, double x, double y) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("x", x);
        g.writeNumberField("y", y);
        g.writeNumberField("z", 0);
        g.writeEndObject();
    }

    /** Writes a full-size match: {@code TelemetryGenerator <file.json.gz> [seed]}. */
    public static void main(String[] args) throws IOException {
        fullSizeSquadMatch(args.length > 1 ? Long.parseLong(args[1]) : 42).writeGzip(Path.of(args[0]));
    }
}
