package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code team_fights} and {@code fight_participants}: the live system's fight tracking (v2) with its
 * rules, in time that grows as n log n. During the pass it keeps the knocks, kills and damage between
 * teams (compact records, not events); at the end of the file it
 * <ol>
 * <li>clusters the combat events (different teams; damage above 0) into engagements in one sweep in time
 * order: an event joins the earliest-started engagement still open (at most 240 s since its start and
 * 45 s since its last event) that takes it: both its teams already in that engagement, or one of them,
 * with both its positions within 300 m of the engagement's first event (its fixed centre); otherwise it
 * starts an engagement. Open engagements are found through the event's two teams, not by a scan;</li>
 * <li>enriches each engagement that the rules could still make a fight from the events between its teams
 * in its time span, read through an index by (attacking team, victim team) and time, not by a rescan of
 * the match;</li>
 * <li>keeps the engagements the live rules call fights, with their outcome (won, lost, drawn per team;
 * decisive, marginal, third party, draw), primary and third-party teams, centre, spread and participants.
 * NPCs (Commander, Guard, ..., names starting ai_) and bots are left out of the teams and participants.</li>
 * </ol>
 * Fight ids come from the database when the rows are stored ({@link FightId}).
 */
public final class FightsExtractor implements Extractor {

    static final long MAX_FIGHT_MS = 240_000;
    static final long ENGAGEMENT_WINDOW_MS = 45_000;
    static final double MAX_ENGAGEMENT_METRES = 300;
    /** Hits between teams kept for one match at most (a match has a few thousand; a dense one about 11,000). */
    static final int MAX_EVENTS = 100_000;
    static final Set<String> NPC_NAMES = Set.of("Commander", "Guard", "Pillar", "SkySoldier", "Soldier", "PillarSoldier",
            "ZombieSoldier");

    private static final Logger LOG = LoggerFactory.getLogger(FightsExtractor.class);
    private static final byte DAMAGE = 0;
    private static final byte KNOCK = 1;
    private static final byte KILL = 2;

    /** A knock, kill or damage event between two teams, as much of it as the fights need. */
    static final class Hit {
        final int seq;
        final long time;
        final byte kind;
        final int attackerTeam;
        final int victimTeam;
        final double damage;
        final String attacker;
        final String attackerId;
        final boolean attackerBot;
        final double[] attackerAt;
        final String victim;
        final String victimId;
        final boolean victimBot;
        final double[] victimAt;

        Hit(int seq, long time, byte kind, int attackerTeam, int victimTeam, double damage, JsonNode a, JsonNode v,
                Map<String, String> names) {
            this.seq = seq;
            this.time = time;
            this.kind = kind;
            this.attackerTeam = attackerTeam;
            this.victimTeam = victimTeam;
            this.damage = damage;
            this.attacker = once(names, Characters.name(a));
            this.attackerId = once(names, Characters.accountId(a));
            this.attackerBot = Characters.isBot(a);
            this.attackerAt = location(a);
            this.victim = once(names, Characters.name(v));
            this.victimId = once(names, Characters.accountId(v));
            this.victimBot = Characters.isBot(v);
            this.victimAt = location(v);
        }

        /** One copy of each name and account id per match, however many hits carry it. */
        private static String once(Map<String, String> names, String text) {
            return text == null ? null : names.computeIfAbsent(text, t -> t);
        }

        /** A combat event for the clustering: teams differ, and damage is above 0. */
        boolean combat() {
            return attackerTeam != victimTeam && (kind != DAMAGE || damage > 0);
        }
    }

    private static final class Engagement {
        final int order;
        final long start;
        long end;
        /** Its teams, a handful: a small array, no boxing. */
        int[] teams = new int[4];
        int teamCount;
        final double[] centre;
        final List<Hit> hits = new ArrayList<>(4);

        Engagement(int order, Hit first) {
            this.order = order;
            this.start = first.time;
            this.end = first.time;
            addTeam(first.attackerTeam);
            addTeam(first.victimTeam);
            this.centre = mean(first.attackerAt, first.victimAt);
            this.hits.add(first);
        }

        boolean hasTeam(int team) {
            for (int i = 0; i < teamCount; i++) {
                if (teams[i] == team) {
                    return true;
                }
            }
            return false;
        }

        /** Adds a team; true when it was new. */
        boolean addTeam(int team) {
            if (hasTeam(team)) {
                return false;
            }
            if (teamCount == teams.length) {
                teams = java.util.Arrays.copyOf(teams, teamCount * 2);
            }
            teams[teamCount++] = team;
            return true;
        }

        int[] teams() {
            int[] sorted = java.util.Arrays.copyOf(teams, teamCount);
            java.util.Arrays.sort(sorted);
            return sorted;
        }

        boolean openAt(long time) {
            return time - start <= MAX_FIGHT_MS && time - end <= ENGAGEMENT_WINDOW_MS;
        }

        /** The live rule: both teams in combat, or one of them with the event's positions near the fixed centre. */
        boolean takes(Hit hit) {
            boolean attackerIn = hasTeam(hit.attackerTeam);
            boolean victimIn = hasTeam(hit.victimTeam);
            if (attackerIn && victimIn) {
                return true;
            }
            if (!attackerIn && !victimIn || centre == null) {
                return false;
            }
            return distance(centre, hit.attackerAt) <= MAX_ENGAGEMENT_METRES
                    && distance(centre, hit.victimAt) <= MAX_ENGAGEMENT_METRES;
        }

        void add(Hit hit) {
            hits.add(hit);
            end = hit.time;
        }
    }

    /**
     * A fight's id, shared by its team_fights row and its participants' rows: its index in the match until
     * the database gives it its id ({@link TelemetryExtraction#assignFightIds}); COPY writes the id.
     */
    public static final class FightId {
        private final int index;
        private Long id;

        FightId(int index) {
            this.index = index;
        }

        public int index() {
            return index;
        }

        public void assign(long id) {
            this.id = id;
        }

        @Override
        public String toString() {
            if (id == null) {
                throw new IllegalStateException("fight " + index + " has no id yet");
            }
            return id.toString();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FightId f && f.index == index && java.util.Objects.equals(f.id, id);
        }

        @Override
        public int hashCode() {
            return index;
        }
    }

    private final MatchContext match;
    private final List<Hit> hits = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private int fights;
    private long detectionNanos;
    private long hitCount;
    private boolean capped;
    private final TableRows rows = new TableRows("team_fights", List.of("id", "match_id", "fight_index",
            "fight_start_time", "fight_end_time", "duration_seconds", "team_ids", "primary_team_1", "primary_team_2",
            "third_party_teams", "total_knocks", "total_kills", "total_damage", "total_damage_events",
            "total_attack_events", "outcome", "winning_team_id", "loser_team_id", "team_outcomes", "fight_reason",
            "fight_center_x", "fight_center_y", "fight_spread_radius", "map_name", "game_mode", "game_type",
            "match_datetime"));
    private final TableRows participants = new TableRows("fight_participants", List.of("fight_id", "match_id",
            "player_name", "player_account_id", "team_id", "knocks_dealt", "kills_dealt", "damage_dealt",
            "damage_taken", "attacks_made", "position_center_x", "position_center_y", "was_knocked", "was_killed",
            "survived", "knocked_at", "killed_at", "match_datetime"));

    public FightsExtractor(MatchContext match) {
        this.match = match;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerTakeDamage", "LogPlayerMakeGroggy", "LogPlayerKillV2");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        String type = Characters.text(event, "_T");
        boolean kill = "LogPlayerKillV2".equals(type);
        JsonNode attacker = character(event.get(kill ? "finisher" : "attacker"));
        JsonNode victim = character(event.get("victim"));
        Integer attackerTeam = Characters.teamId(attacker);
        Integer victimTeam = Characters.teamId(victim);
        if (attackerTeam == null || victimTeam == null) {
            return;
        }
        byte kind = kill ? KILL : "LogPlayerMakeGroggy".equals(type) ? KNOCK : DAMAGE;
        Double damage = kind == DAMAGE ? Characters.number(event, "damage") : null;
        // damage within a team counts nowhere; knocks and kills within a team count in a fight's totals
        if (kind == DAMAGE && (attackerTeam.equals(victimTeam) || damage == null || !Double.isFinite(damage))) {
            return;
        }
        long time = PositionTimeline.millis(event);
        if (time == Long.MIN_VALUE) {
            return;
        }
        if (hits.size() >= MAX_EVENTS) {
            if (!capped) {
                capped = true;
                LOG.warn("More than {} hits between teams in one match: the rest are left out of its fights", MAX_EVENTS);
            }
            return;
        }
        hits.add(new Hit(eventIndex, time, kind, attackerTeam, victimTeam, damage == null ? 0 : damage, attacker, victim,
                names));
    }

    @Override
    public void finish() {
        // CPU time of this thread: a garbage collection pausing it is not counted
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = cpu.getCurrentThreadCpuTime();
        // the combat events in time order (file order among equal times), clustered in one sweep
        List<Hit> combat = new ArrayList<>();
        for (Hit hit : hits) {
            if (hit.combat()) {
                combat.add(hit);
            }
        }
        combat.sort(Comparator.comparingLong(h -> h.time));
        List<Engagement> engagements = new ArrayList<>();
        Map<Integer, List<Engagement>> openByTeam = new HashMap<>();
        for (Hit hit : combat) {
            Engagement taker = earliestTaker(openByTeam.get(hit.attackerTeam), hit, null);
            taker = earliestTaker(openByTeam.get(hit.victimTeam), hit, taker);
            if (taker == null) {
                taker = new Engagement(engagements.size(), hit);
                engagements.add(taker);
                openByTeam.computeIfAbsent(hit.attackerTeam, t -> new ArrayList<>()).add(taker);
                openByTeam.computeIfAbsent(hit.victimTeam, t -> new ArrayList<>()).add(taker);
            } else {
                taker.add(hit);
                if (taker.addTeam(hit.attackerTeam)) {
                    openByTeam.computeIfAbsent(hit.attackerTeam, t -> new ArrayList<>()).add(taker);
                }
                if (taker.addTeam(hit.victimTeam)) {
                    openByTeam.computeIfAbsent(hit.victimTeam, t -> new ArrayList<>()).add(taker);
                }
            }
        }
        // every hit between teams, by (attacking team, victim team) and time, for the enrichment
        Map<Long, List<Hit>> byPair = new HashMap<>();
        for (Hit hit : hits) {
            byPair.computeIfAbsent(pair(hit.attackerTeam, hit.victimTeam), t -> new ArrayList<>()).add(hit);
        }
        Map<Long, long[]> timesByPair = new HashMap<>();
        for (Map.Entry<Long, List<Hit>> teams : byPair.entrySet()) {
            teams.getValue().sort(Comparator.comparingLong(h -> h.time));
            long[] times = new long[teams.getValue().size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = teams.getValue().get(i).time;
            }
            timesByPair.put(teams.getKey(), times);
        }
        for (Engagement engagement : engagements) {
            // the rules first on what the clustering alone knows: most engagements (one hit) end here
            if (fightReason(engagement, null) != null) {
                fight(engagement, byPair, timesByPair);
            }
        }
        detectionNanos = cpu.getCurrentThreadCpuTime() - started;
        hitCount = hits.size();
        hits.clear();
        names.clear();
    }

    /**
     * Of a team's open engagements, the earliest-started that takes the hit (or {@code best}, if earlier);
     * engagements past their time limits are dropped from the list on the way.
     */
    private static Engagement earliestTaker(List<Engagement> open, Hit hit, Engagement best) {
        if (open == null) {
            return best;
        }
        int kept = 0;
        for (int i = 0; i < open.size(); i++) {
            Engagement e = open.get(i);
            if (!e.openAt(hit.time)) {
                continue;
            }
            open.set(kept++, e);
            if ((best == null || e.order < best.order) && e.takes(hit)) {
                best = e;
            }
        }
        open.subList(kept, open.size()).clear();
        return best;
    }

    // ------------------------------------------------------------------------------------ one fight

    private static final class TeamStats {
        int kills;
        int knocks;
        double damageDealt;
        double damageTaken;
        int deaths;
        boolean eliminated;
    }

    private static final class PlayerStats {
        int team;
        String accountId;
        boolean bot;
        int knocks;
        int kills;
        int hitsLanded;
        double damageDealt;
        double damageTaken;
        boolean knocked;
        int knockedSeq = -1;
        long knockedAt;
        boolean killed;
        int killedSeq = -1;
        long killedAt;
        double sumX;
        double sumY;
        int positions;
    }

    private static long pair(int attackerTeam, int victimTeam) {
        return ((long) attackerTeam << 32) | (victimTeam & 0xffffffffL);
    }

    private void fight(Engagement engagement, Map<Long, List<Hit>> byPair, Map<Long, long[]> timesByPair) {
        int[] fightTeams = engagement.teams();
        Map<Integer, TeamStats> teams = new TreeMap<>();
        for (int team : fightTeams) {
            teams.put(team, new TeamStats());
        }
        Map<String, PlayerStats> players = new LinkedHashMap<>();
        List<double[]> positions = new ArrayList<>();
        for (int attackingTeam : fightTeams) {
            for (int victimTeam : fightTeams) {
                List<Hit> list = byPair.get(pair(attackingTeam, victimTeam));
                if (list == null) {
                    continue;
                }
                long[] times = timesByPair.get(pair(attackingTeam, victimTeam));
                for (int i = firstAtOrAfter(times, engagement.start); i < times.length && times[i] <= engagement.end; i++) {
                    Hit hit = list.get(i);
                    TeamStats attackers = teams.get(hit.attackerTeam);
                    TeamStats victims = teams.get(hit.victimTeam);
                    PlayerStats attacker = player(players, hit.attacker, hit.attackerTeam, hit.attackerId, hit.attackerBot);
                    PlayerStats victim = player(players, hit.victim, hit.victimTeam, hit.victimId, hit.victimBot);
                    // as the live enrichment: a team's numbers count the events whose player on that side is named
                    switch (hit.kind) {
                        case DAMAGE -> {
                            if (attacker != null) {
                                attackers.damageDealt += hit.damage;
                                attacker.damageDealt += hit.damage;
                                attacker.hitsLanded++;
                            }
                            if (victim != null) {
                                victims.damageTaken += hit.damage;
                                victim.damageTaken += hit.damage;
                            }
                        }
                        case KNOCK -> {
                            if (attacker != null) {
                                attackers.knocks++;
                                attacker.knocks++;
                            }
                            if (victim != null) {
                                victim.knocked = true;
                                if (hit.seq > victim.knockedSeq) {
                                    victim.knockedSeq = hit.seq;
                                    victim.knockedAt = hit.time;
                                }
                            }
                        }
                        default -> {
                            if (attacker != null) {
                                attackers.kills++;
                                attacker.kills++;
                            }
                            if (victim != null) {
                                victims.deaths++;
                                victim.killed = true;
                                if (hit.seq > victim.killedSeq) {
                                    victim.killedSeq = hit.seq;
                                    victim.killedAt = hit.time;
                                }
                            }
                        }
                    }
                    position(attacker, hit.attackerAt, positions);
                    position(victim, hit.victimAt, positions);
                }
            }
        }
        // primary teams: by 3 x kills + 2 x knocks + damage / 100; ties to the lower team id
        List<Integer> ranked = new ArrayList<>(teams.keySet());
        ranked.sort(Comparator.comparingDouble((Integer t) -> -score(teams.get(t))).thenComparingInt(t -> t));
        // a team is eliminated when every player of it seen in the fight was killed
        Map<Integer, Boolean> allKilled = new HashMap<>();
        for (PlayerStats p : players.values()) {
            allKilled.merge(p.team, p.killed, Boolean::logicalAnd);
        }
        allKilled.forEach((team, killed) -> {
            if (teams.containsKey(team)) {
                teams.get(team).eliminated = killed;
            }
        });
        double[] centre = null;
        Double spread = null;
        if (!positions.isEmpty()) {
            centre = new double[3];
            for (double[] p : positions) {
                centre[0] += p[0];
                centre[1] += p[1];
                centre[2] += p[2];
            }
            for (int i = 0; i < 3; i++) {
                centre[i] /= positions.size();
            }
            double farthest = 0;
            for (double[] p : positions) {
                farthest = Math.max(farthest, distance(centre, p));
            }
            spread = farthest;
        }
        // the fight's teams are those of its real players: NPCs and bots are left out
        TreeSet<Integer> actual = new TreeSet<>();
        for (Map.Entry<String, PlayerStats> p : players.entrySet()) {
            if (isHuman(p.getKey(), p.getValue())) {
                actual.add(p.getValue().team);
            }
        }
        String reason = fightReason(engagement, actual);
        if (reason == null || actual.isEmpty()) {
            return;
        }
        Outcome outcome = outcome(List.copyOf(actual), teams);
        int index = fights++;
        FightId id = new FightId(index);
        // the totals are those of the fight's players (NPCs and bots out), so they equal the participants' sums
        int knocks = 0;
        int kills = 0;
        double damage = 0;
        for (Map.Entry<String, PlayerStats> p : players.entrySet()) {
            if (isHuman(p.getKey(), p.getValue())) {
                knocks += p.getValue().knocks;
                kills += p.getValue().kills;
                damage += p.getValue().damageDealt;
            }
        }
        long damageEvents = engagement.hits.stream().filter(h -> h.kind == DAMAGE).count();
        List<Integer> thirdParties = ranked.size() > 2 ? ranked.subList(2, ranked.size()) : List.of();
        rows.add(id, match.matchId(), index, utc(engagement.start), utc(engagement.end),
                (engagement.end - engagement.start) / 1000.0, array(actual), ranked.isEmpty() ? null : ranked.get(0),
                ranked.size() > 1 ? ranked.get(1) : null, thirdParties.isEmpty() ? null : array(thirdParties), knocks,
                kills, damage, (int) damageEvents, 0, outcome.type, outcome.winner, outcome.loser, outcome.json(actual),
                reason, centre == null ? null : centre[0], centre == null ? null : centre[1], spread, match.mapName(),
                match.gameMode(), match.gameType(), match.matchDatetime());
        for (Map.Entry<String, PlayerStats> entry : players.entrySet()) {
            PlayerStats p = entry.getValue();
            if (!isHuman(entry.getKey(), p)) {
                continue;
            }
            participants.add(id, match.matchId(), entry.getKey(), p.accountId, p.team, p.knocks, p.kills,
                    p.damageDealt, p.damageTaken, p.hitsLanded, p.positions == 0 ? null : p.sumX / p.positions,
                    p.positions == 0 ? null : p.sumY / p.positions, p.knocked, p.killed, !p.killed,
                    p.knocked ? utc(p.knockedAt) : null, p.killed ? utc(p.killedAt) : null, match.matchDatetime());
        }
    }

    private static PlayerStats player(Map<String, PlayerStats> players, String name, int team, String accountId,
            boolean bot) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        PlayerStats p = players.computeIfAbsent(name, n -> new PlayerStats());
        p.team = team;
        p.accountId = accountId;
        p.bot = bot;
        return p;
    }

    private static void position(PlayerStats player, double[] at, List<double[]> positions) {
        if (player != null && at != null) {
            player.sumX += at[0];
            player.sumY += at[1];
            player.positions++;
            positions.add(at);
        }
    }

    private static double score(TeamStats t) {
        return t.kills * 3 + t.knocks * 2 + t.damageDealt / 100;
    }

    static boolean isHuman(String name, PlayerStats p) {
        return !p.bot && !NPC_NAMES.contains(name) && !name.toLowerCase(java.util.Locale.ROOT).startsWith("ai_");
    }

    /**
     * The live rules, first match wins: the reason when the engagement is a fight, else null. Without the
     * fight's teams (null: before the enrichment) the rules that need them are taken as met, so null then
     * means the engagement cannot be a fight whatever its teams.
     */
    private static String fightReason(Engagement engagement, Set<Integer> actualTeams) {
        int knocks = 0;
        int kills = 0;
        Map<Integer, Double> damageByTeam = new LinkedHashMap<>();
        Integer killedTeam = null;
        for (Hit hit : engagement.hits) {
            if (hit.kind == KNOCK) {
                knocks++;
            } else if (hit.kind == KILL) {
                kills++;
                killedTeam = killedTeam == null ? hit.victimTeam : killedTeam;
            } else {
                damageByTeam.merge(hit.attackerTeam, hit.damage, Double::sum);
            }
        }
        double total = damageByTeam.values().stream().mapToDouble(Double::doubleValue).sum();
        if (knocks + kills >= 2) {
            return "Multiple casualties (" + (knocks + kills) + " knocks/kills)";
        }
        if (kills == 1 && knocks == 0) {
            // a lone kill: an execution unless the victim's team fought back; either way not a fight by
            // itself (the live rules fall through to "insufficient engagement" for a resisted lone kill too)
            return null;
        }
        boolean everyTeamDealtDamage = damageByTeam.size() >= 2
                && (actualTeams == null || damageByTeam.keySet().equals(actualTeams));
        if (knocks == 0 && kills == 0 && everyTeamDealtDamage && total >= 150
                && damageByTeam.values().stream().allMatch(d -> d >= total * 0.20)) {
            return "Sustained reciprocal damage (" + (long) Math.rint(total) + " total)";
        }
        if (knocks == 1 && kills == 0 && everyTeamDealtDamage
                && damageByTeam.values().stream().allMatch(d -> d >= 75)) {
            return "Single knock with reciprocal damage (all teams ≥75 damage)";
        }
        return null;
    }

    private record Outcome(String type, Integer winner, Integer loser, Map<Integer, String> perTeam) {

        String json(Set<Integer> order) {
            StringBuilder out = new StringBuilder("{");
            for (int team : order) {
                out.append(out.length() > 1 ? ", " : "").append('"').append(team).append("\": \"")
                        .append(perTeam.get(team)).append('"');
            }
            return out.append('}').toString();
        }
    }

    /** Won, lost, drawn: eliminations first, then the death differential; ties to the lower team id. */
    private static Outcome outcome(List<Integer> teams, Map<Integer, TeamStats> stats) {
        TeamStats none = new TeamStats();
        boolean thirdParty = teams.size() > 2;
        List<Integer> surviving = teams.stream().filter(t -> !stats.getOrDefault(t, none).eliminated).toList();
        Comparator<Integer> byDeaths = Comparator.comparingInt(t -> stats.getOrDefault(t, none).deaths);
        if (surviving.size() < teams.size()) {
            Integer loser = firstMax(teams, byDeaths);
            Integer winner = surviving.isEmpty() ? null : firstMax(surviving, Comparator
                    .comparingInt((Integer t) -> stats.getOrDefault(t, none).kills)
                    .thenComparingInt(t -> stats.getOrDefault(t, none).knocks)
                    .thenComparingDouble(t -> stats.getOrDefault(t, none).damageDealt));
            return new Outcome(thirdParty ? "THIRD_PARTY" : "DECISIVE_WIN", winner, loser, perTeam(teams, winner, loser));
        }
        int most = teams.stream().mapToInt(t -> stats.getOrDefault(t, none).deaths).max().orElse(0);
        int fewest = teams.stream().mapToInt(t -> stats.getOrDefault(t, none).deaths).min().orElse(0);
        if (most - fewest >= 2 || most - fewest == 1 && most >= 2) {
            Integer loser = firstMax(teams, byDeaths);
            Integer winner = firstMax(teams, byDeaths.reversed());
            String type = thirdParty ? "THIRD_PARTY" : most - fewest >= 2 ? "DECISIVE_WIN" : "MARGINAL_WIN";
            return new Outcome(type, winner, loser, perTeam(teams, winner, loser));
        }
        return new Outcome("DRAW", null, null, perTeam(teams, null, null));
    }

    /** The first of the greatest, in the list's order (teams ascending). */
    private static Integer firstMax(List<Integer> teams, Comparator<Integer> order) {
        Integer best = null;
        for (Integer team : teams) {
            if (best == null || order.compare(team, best) > 0) {
                best = team;
            }
        }
        return best;
    }

    private static Map<Integer, String> perTeam(List<Integer> teams, Integer winner, Integer loser) {
        Map<Integer, String> outcomes = new LinkedHashMap<>();
        for (Integer team : teams) {
            outcomes.put(team, team.equals(loser) ? "LOST" : team.equals(winner) ? "WON" : "DRAW");
        }
        return outcomes;
    }

    // --------------------------------------------------------------------------------------- helpers

    private static int firstAtOrAfter(long[] times, long time) {
        int low = 0;
        int high = times.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] < time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static double[] location(JsonNode character) {
        Double x = Characters.x(character);
        Double y = Characters.y(character);
        Double z = Characters.z(character);
        return x == null || y == null || z == null ? null : new double[] {x, y, z};
    }

    private static double[] mean(double[] a, double[] b) {
        if (a == null && b == null) {
            return null;
        }
        if (a == null || b == null) {
            return (a == null ? b : a).clone();
        }
        return new double[] {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2};
    }

    /** 3D distance in metres between two positions in cm; 0 when either is unknown (as the live rule counts it). */
    static double distance(double[] a, double[] b) {
        if (a == null || b == null) {
            return 0;
        }
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz) / 100.0;
    }

    private static String array(Iterable<Integer> teams) {
        StringBuilder out = new StringBuilder("{");
        for (Integer team : teams) {
            out.append(out.length() > 1 ? "," : "").append(team);
        }
        return out.append('}').toString();
    }

    private static OffsetDateTime utc(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }

    /** How many hits between teams the pass kept (the benchmark reports it). */
    public long hitsBetweenTeams() {
        return hitCount;
    }

    /** CPU time spent clustering, judging and enriching at the end of the pass (the benchmark reports it). */
    public long detectionNanos() {
        return detectionNanos;
    }

    /** The participant rows, filled at the end of the pass. */
    public TableRows participants() {
        return participants;
    }

    @Override
    public TableRows rows() {
        return rows;
    }

    /** team_fights, then fight_participants (which point at them). */
    @Override
    public List<TableRows> tables() {
        return List.of(rows, participants);
    }
}
