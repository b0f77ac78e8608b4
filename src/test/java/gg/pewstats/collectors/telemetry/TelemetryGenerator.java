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
 * and an event type no documentation lists; knocks that end killed (by the knocker, a teammate or another
 * team), revived or never, instant kills, heals, boosts and throws, weapons across the categories and one
 * no dictionary lists, and damage between players in skirmishes (two teams near one place for a while). Deterministic for a seed. At full size (100 players, squads)
 * it is about 50k events and 35-40 MB of JSON; tests use a few players.
 */
public final class TelemetryGenerator {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private int players;
    private final int teamSize;
    private final int seconds;
    private final Random random;
    private final List<Player> roster = new ArrayList<>();
    private Instant start = Instant.parse("2026-04-15T21:45:33.120Z");
    private int attackIds = 1000;
    private boolean botKilledBot;
    private int combatDensity = 1;

    record Player(String accountId, String name, int teamId, boolean bot) {
    }

    /** Damage causers of the official dictionary across categories, and one id it does not list. */
    static final String[] WEAPONS = {"WeapHK416_C", "WeapBerylM762_C", "WeapAK47_C", "WeapKar98k_C", "WeapMini14_C",
        "WeapUMP_C", "WeapSaiga12_C", "WeapM249_C", "WeapDesertEagle_C", "ProjGrenade_C", "WeapPan_C",
        "Uaz_A_01_C", "WeapFutureGun_C"};
    /** LogItemUse items: the six heals and boosts the summaries count, and two that they do not. */
    static final String[] USED_ITEMS = {"Item_Heal_FirstAid_C", "Item_Heal_MedKit_C", "Item_Heal_Bandage_C",
        "Item_Boost_EnergyDrink_C", "Item_Boost_PainKiller_C", "Item_Boost_AdrenalineSyringe_C",
        "Item_JerryCan_C", "Item_Ghillie_01_C"};
    /** LogPlayerUseThrowable weapons, a novelty one (apple) among them. */
    static final String[] THROWABLES = {"Item_Weapon_Grenade_C", "Item_Weapon_SmokeBomb_C", "Item_Weapon_Molotov_C",
        "Item_Weapon_FlashBang_C", "Item_Weapon_Apple_C"};

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

    /**
     * The telemetry of a real match response (a sample of ../shared/pubg/matches/): its participants, with
     * their account ids, names and roster team ids, so the rows the extraction writes meet the match's
     * summary rows. {@code ai.} account ids are bots.
     */
    public static TelemetryGenerator forMatch(String matchJson, int teamSize, int seconds, long seed) {
        com.fasterxml.jackson.databind.JsonNode match;
        try {
            match = new com.fasterxml.jackson.databind.ObjectMapper().readTree(matchJson);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.Map<String, Integer> teamOf = new java.util.HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode node : match.path("included")) {
            if ("roster".equals(node.path("type").asText())) {
                for (com.fasterxml.jackson.databind.JsonNode member : node.path("relationships").path("participants").path("data")) {
                    teamOf.put(member.path("id").asText(), node.path("attributes").path("stats").path("teamId").asInt());
                }
            }
        }
        TelemetryGenerator generator = new TelemetryGenerator(0, teamSize, seconds, seed);
        for (com.fasterxml.jackson.databind.JsonNode node : match.path("included")) {
            if ("participant".equals(node.path("type").asText())) {
                com.fasterxml.jackson.databind.JsonNode stats = node.path("attributes").path("stats");
                String id = stats.path("playerId").asText();
                generator.roster.add(new Player(id, stats.path("name").asText(),
                        teamOf.getOrDefault(node.path("id").asText(), 0), id.startsWith("ai.")));
            }
        }
        generator.roster.sort(java.util.Comparator.comparingInt(Player::teamId));
        return generator;
    }

    /** A denser match: {@code factor} times the skirmishes at once, so about that many times its combat events. */
    public TelemetryGenerator withCombatDensity(int factor) {
        this.combatDensity = factor;
        return this;
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
        players = roster.size();
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
                    // each player's position every 10 s, the players spread over those 10 s as in real files
                    int sampledAt = t + Math.floorMod(p.accountId().hashCode(), 10);
                    event(g, sampledAt, "LogPlayerPosition", isGame, () -> {
                        character(g, "character", p, 100, isGame, currentPhase, false);
                        if (random.nextInt(3) == 0) {
                            vehicle(g, "vehicle");
                        } else {
                            g.writeNullField("vehicle");
                        }
                        g.writeNumberField("elapsedTime", sampledAt);
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
                    if (t > landingAt && random.nextInt(6) == 0) {
                        String used = USED_ITEMS[random.nextInt(USED_ITEMS.length)];
                        event(g, t, "LogItemUse", isGame, () -> {
                            character(g, "character", p, 70, isGame, currentPhase, false);
                            item(g, "item", used, used.startsWith("Item_Heal") ? "Heal" : "Boost", "Use");
                        });
                    }
                    if (t > landingAt && random.nextInt(15) == 0) {
                        String thrown = THROWABLES[random.nextInt(THROWABLES.length)];
                        event(g, t, "LogPlayerUseThrowable", isGame, () -> {
                            g.writeNumberField("attackId", attackIds++);
                            g.writeNumberField("fireWeaponStackCount", 1);
                            character(g, "attacker", p, 100, isGame, currentPhase, false);
                            g.writeStringField("attackType", "Weapon");
                            item(g, "weapon", thrown, "Throwable", "Weapon");
                        });
                    }
                }
                if (t > landingAt && alive.size() > 1) {
                    // damage from the zone (null attacker), to random players
                    for (int k = 0; k < Math.max(1, players / 12); k++) {
                        Player victim = alive.get(random.nextInt(alive.size()));
                        damage(g, t, isGame, currentPhase, null, victim, null);
                    }
                    // damage between players comes from skirmishes: two teams exchanging fire near one place for
                    // 30 to 90 s; a denser match has more of them at once
                    skirmishes.removeIf(k -> tick > k.until() || alive.stream().noneMatch(p -> p.teamId() == k.teamA())
                            || alive.stream().noneMatch(p -> p.teamId() == k.teamB()));
                    List<Integer> aliveTeams = alive.stream().map(Player::teamId).distinct().toList();
                    while (skirmishes.size() < 2 * combatDensity && aliveTeams.size() > 1) {
                        int a = aliveTeams.get(random.nextInt(aliveTeams.size()));
                        int b = aliveTeams.get(random.nextInt(aliveTeams.size()));
                        if (a != b) {
                            skirmishes.add(new Skirmish(a, b, 150_000 + random.nextInt(500_000), 150_000 + random.nextInt(500_000),
                                    t + 30 + random.nextInt(60)));
                        }
                    }
                    for (Skirmish k : skirmishes) {
                        List<Player> sideA = alive.stream().filter(p -> p.teamId() == k.teamA()).toList();
                        List<Player> sideB = alive.stream().filter(p -> p.teamId() == k.teamB()).toList();
                        for (int shot = 0; shot < 8; shot++) {
                            boolean fromA = random.nextBoolean();
                            List<Player> shooters = fromA ? sideA : sideB;
                            List<Player> targets = fromA ? sideB : sideA;
                            damage(g, t, isGame, currentPhase, shooters.get(random.nextInt(shooters.size())),
                                    targets.get(random.nextInt(targets.size())), k);
                        }
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
                    // kills spread evenly until one player is left. In squads most kills follow a knock: the knock,
                    // then a few seconds later the kill (finished by the knocker, a teammate of theirs, or another
                    // team: a killsteal) or a revive by a teammate; some kills are instant (no knock)
                    while (t >= nextKillAt && alive.size() > 1) {
                        nextKillAt += (seconds - landingAt) / (double) Math.max(1, players - 1);
                        List<Player> bots = alive.stream().filter(Player::bot).toList();
                        boolean botOnBot = !botKilledBot && bots.size() >= 2;
                        botKilledBot |= botOnBot;
                        // the first kill between two bots alive: a bot kills a bot (it crashed peer parsers)
                        Player victim = botOnBot ? bots.get(1) : alive.get(random.nextInt(alive.size()));
                        List<Player> others = alive.stream().filter(o -> o != victim).toList();
                        Player knocker = botOnBot ? bots.get(0) : others.get(random.nextInt(others.size()));
                        boolean knocked = teamSize > 1 && !botOnBot && random.nextInt(6) != 0;
                        int dbno = knocked ? 500 + attackIds : -1;
                        String knockWeapon = weapon();
                        int second = t;
                        if (knocked) {
                            event(g, t, "LogPlayerMakeGroggy", isGame, () -> {
                                g.writeNumberField("attackId", attackIds++);
                                character(g, "attacker", knocker, 90, isGame, currentPhase, random.nextInt(20) == 0);
                                character(g, "victim", victim, 0, isGame, currentPhase, false);
                                g.writeStringField("damageReason", random.nextInt(4) == 0 ? "HeadShot" : "TorsoShot");
                                g.writeStringField("damageTypeCategory", "Damage_Gun");
                                g.writeStringField("damageCauserName", knockWeapon);
                                g.writeArrayFieldStart("damageCauserAdditionalInfo");
                                g.writeString("Item_Attach_Weapon_Upper_Holosight_C");
                                g.writeEndArray();
                                g.writeStringField("victimWeapon", "WeapAK47_C_12");
                                g.writeArrayFieldStart("victimWeaponAdditionalInfo");
                                g.writeEndArray();
                                g.writeNumberField("distance", 100 + random.nextInt(30000));
                                g.writeBooleanField("isAttackerInVehicle", random.nextInt(20) == 0);
                                g.writeBooleanField("isThroughPenetrableWall", random.nextInt(15) == 0);
                                g.writeNumberField("dBNOId", dbno);
                            });
                            second = t + 2 + random.nextInt(6);
                            if (random.nextInt(4) == 0) {
                                // a teammate picks the victim up: the victim plays on
                                List<Player> mates = alive.stream().filter(o -> o != victim && o.teamId() == victim.teamId()).toList();
                                Player reviver = mates.isEmpty() ? victim : mates.get(0);
                                event(g, second, "LogPlayerRevive", isGame, () -> {
                                    character(g, "reviver", reviver, 80, isGame, currentPhase, false);
                                    character(g, "victim", victim, 10, isGame, currentPhase, false);
                                    g.writeNumberField("dBNOId", dbno);
                                });
                                continue;
                            }
                        }
                        alive.remove(victim);
                        // the finisher: mostly the knocker, else a teammate of theirs, else anyone (a killsteal)
                        List<Player> knockerMates = alive.stream().filter(o -> o != knocker && o.teamId() == knocker.teamId()).toList();
                        int pick = random.nextInt(10);
                        Player finisher = !alive.contains(knocker) || pick >= 8 ? alive.get(random.nextInt(alive.size()))
                                : pick >= 6 && !knockerMates.isEmpty() ? knockerMates.get(0) : knocker;
                        Player killer = botOnBot ? knocker : finisher;
                        boolean zone = !botOnBot && random.nextInt(10) == 0;
                        String finishWeapon = weapon();
                        event(g, second, "LogPlayerKillV2", isGame, () -> {
                            g.writeNumberField("attackId", attackIds++);
                            g.writeNumberField("dBNOId", dbno);
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
                            if (knocked) {
                                character(g, "dBNOMaker", knocker, 90, isGame, currentPhase, false);
                                damageInfo(g, "dBNODamageInfo", "HeadShot", knockWeapon, 5000);
                            } else {
                                g.writeNullField("dBNOMaker");
                                g.writeNullField("dBNODamageInfo");
                            }
                            character(g, "finisher", finisher, 90, isGame, currentPhase, false);
                            damageInfo(g, "finishDamageInfo", "TorsoShot", finishWeapon, 800);
                            if (zone) {
                                g.writeNullField("killer");
                                g.writeNullField("killerDamageInfo");
                            } else {
                                character(g, "killer", killer, 90, isGame, currentPhase, false);
                                damageInfo(g, "killerDamageInfo", "HeadShot", finishWeapon, 5000);
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
        if (near != null) {
            // within about 150 m of the skirmish
            g.writeNumberField("x", near[0] - 15000 + random.nextInt(30000) + random.nextDouble());
            g.writeNumberField("y", near[1] - 15000 + random.nextInt(30000) + random.nextDouble());
        } else {
            g.writeNumberField("x", 100000 + random.nextInt(600000) + random.nextDouble());
            g.writeNumberField("y", 100000 + random.nextInt(600000) + random.nextDouble());
        }
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
        item(g, field, "Item_Weapon_HK416_C", "Main", "Weapon");
    }

    private void item(JsonGenerator g, String field, String itemId, String subCategory, String category)
            throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("itemId", itemId);
        g.writeNumberField("stackCount", 1);
        g.writeStringField("category", category);
        g.writeStringField("subCategory", subCategory);
        g.writeArrayFieldStart("attachedItems");
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Two teams fighting near (x, y) until a second of the match. */
    record Skirmish(int teamA, int teamB, double x, double y, int until) {
    }

    private final List<Skirmish> skirmishes = new ArrayList<>();
    /** Where the next character written stands, when it is in a skirmish (null: anywhere on the map). */
    private double[] near;

    private void damage(JsonGenerator g, int t, double isGame, int phase, Player attacker, Player victim, Skirmish at)
            throws IOException {
        event(g, t, "LogPlayerTakeDamage", isGame, () -> {
            g.writeNumberField("attackId", attacker == null ? -1 : attackIds++);
            near = at == null ? null : new double[] {at.x(), at.y()};
            if (attacker == null) {
                g.writeNullField("attacker");
            } else {
                character(g, "attacker", attacker, 80, isGame, phase, false);
            }
            character(g, "victim", victim, 60, isGame, phase, false);
            near = null;
            g.writeStringField("damageTypeCategory", attacker == null ? "Damage_BlueZone" : "Damage_Gun");
            g.writeStringField("damageReason", attacker == null ? "NonSpecific" : "TorsoShot");
            g.writeNumberField("damage", 10 + random.nextInt(40));
            g.writeStringField("damageCauserName", attacker == null ? "BattleRoyaleModeController_Def_C" : weapon());
            g.writeBooleanField("isThroughPenetrableWall", false);
        });
    }

    private String weapon() {
        return WEAPONS[random.nextInt(WEAPONS.length)];
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
