package gg.pewstats.collectors.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live system's fight rules (../shared/reference/pewstats-live-system.md §6.7), written here the way the
 * reference states them, by brute force: every unused combat event starts an engagement and scans forward
 * through all later combat events; each engagement is enriched from every event of the match in its time
 * span (all types, all teams, filtered one by one). Only
 * the hub's documented decisions are applied on top (bots out like NPCs, totals of the human players, ties
 * to the lower team id). Tests compare the hub's linear detector with this, never with itself.
 */
final class LiveFightRules {

    static final Set<String> NPC = Set.of("Commander", "Guard", "Pillar", "SkySoldier", "Soldier", "PillarSoldier",
            "ZombieSoldier");

    /** A fight as the tests compare it. */
    record Fight(long start, long end, List<Integer> teams, Integer primary1, Integer primary2, List<Integer> thirdParties,
            int knocks, int kills, double damage, String outcome, Integer winner, Integer loser,
            Map<Integer, String> teamOutcomes, String reason, Map<String, String> participants) {
    }

    private record Combat(long time, String kind, int attackerTeam, int victimTeam, double damage, JsonNode attacker,
            JsonNode victim) {
    }

    static List<Fight> fights(JsonNode all) {
        // every event with its time, in time order, for the enrichment's scan of a fight's time span
        List<JsonNode> events = new ArrayList<>();
        all.forEach(events::add);
        events.removeIf(e -> !e.hasNonNull("_D"));
        events.sort(Comparator.comparingLong(LiveFightRules::time));
        long[] times = events.stream().mapToLong(LiveFightRules::time).toArray();
        List<Combat> combat = new ArrayList<>();
        for (JsonNode e : all) {
            String type = e.path("_T").asText();
            boolean kill = type.equals("LogPlayerKillV2");
            if (!kill && !type.equals("LogPlayerMakeGroggy") && !type.equals("LogPlayerTakeDamage")) {
                continue;
            }
            JsonNode a = e.path(kill ? "finisher" : "attacker");
            JsonNode v = e.path("victim");
            if (!a.path("teamId").isNumber() || !v.path("teamId").isNumber()
                    || a.path("teamId").asInt() == v.path("teamId").asInt()) {
                continue;
            }
            double damage = e.path("damage").asDouble(0);
            if (type.equals("LogPlayerTakeDamage") && damage <= 0) {
                continue;
            }
            combat.add(new Combat(time(e), kill ? "kill" : type.equals("LogPlayerMakeGroggy") ? "knock" : "damage",
                    a.path("teamId").asInt(), v.path("teamId").asInt(), damage, a, v));
        }
        combat.sort(Comparator.comparingLong(Combat::time));
        Set<Integer> used = new HashSet<>();
        List<Fight> fights = new ArrayList<>();
        for (int i = 0; i < combat.size(); i++) {
            if (used.contains(i)) {
                continue;
            }
            Combat first = combat.get(i);
            List<Combat> cluster = new ArrayList<>(List.of(first));
            Set<Integer> teams = new HashSet<>(Set.of(first.attackerTeam(), first.victimTeam()));
            long start = first.time();
            long end = first.time();
            double[] centre = centre(first.attacker(), first.victim());
            for (int j = i + 1; j < combat.size(); j++) {
                if (used.contains(j)) {
                    continue;
                }
                Combat next = combat.get(j);
                if (next.time() - start > 240_000 || next.time() - end > 45_000) {
                    break;
                }
                boolean a = teams.contains(next.attackerTeam());
                boolean v = teams.contains(next.victimTeam());
                boolean joins = a && v;
                if (!joins && (a || v) && centre != null) {
                    double farthest = 0;
                    for (JsonNode c : List.of(next.attacker(), next.victim())) {
                        if (c.path("location").isObject()) {
                            farthest = Math.max(farthest, distance(centre, c.path("location")));
                        }
                    }
                    joins = farthest <= 300;
                }
                if (joins) {
                    cluster.add(next);
                    teams.add(next.attackerTeam());
                    teams.add(next.victimTeam());
                    end = next.time();
                    used.add(j);
                }
            }
            used.add(i);
            Fight fight = judge(events, times, cluster, teams, start, end);
            if (fight != null) {
                fights.add(fight);
            }
        }
        return fights;
    }

    private static Fight judge(List<JsonNode> events, long[] times, List<Combat> cluster, Set<Integer> fightTeams,
            long start, long end) {
        Map<Integer, double[]> team = new TreeMap<>(); // kills, knocks, damage dealt, deaths
        fightTeams.forEach(t -> team.put(t, new double[4]));
        Map<String, double[]> player = new LinkedHashMap<>(); // team, knocks, kills, dealt, taken, knocked, killed, bot
        int from = java.util.Arrays.binarySearch(times, start);
        while (from > 0 && times[from - 1] == start) {
            from--;
        }
        for (int k = from < 0 ? -from - 1 : from; k < times.length && times[k] <= end; k++) {
            JsonNode e = events.get(k);
            String type = e.path("_T").asText();
            boolean kill = type.equals("LogPlayerKillV2");
            if (!kill && !type.equals("LogPlayerMakeGroggy") && !type.equals("LogPlayerTakeDamage")) {
                continue;
            }
            JsonNode a = e.path(kill ? "finisher" : "attacker");
            JsonNode v = e.path("victim");
            if (!a.path("teamId").isNumber() || !v.path("teamId").isNumber()) {
                continue;
            }
            int at = a.path("teamId").asInt();
            int vt = v.path("teamId").asInt();
            if (!fightTeams.contains(at) || !fightTeams.contains(vt) || type.equals("LogPlayerTakeDamage") && at == vt) {
                continue;
            }
            String an = a.path("name").asText("");
            String vn = v.path("name").asText("");
            double damage = e.path("damage").asDouble(0);
            if (!an.isEmpty()) {
                double[] p = player.computeIfAbsent(an, n -> new double[8]);
                p[0] = at;
                p[7] = bot(a) ? 1 : 0;
                switch (type) {
                    case "LogPlayerTakeDamage" -> {
                        p[3] += damage;
                        team.get(at)[2] += damage;
                    }
                    case "LogPlayerMakeGroggy" -> {
                        p[1]++;
                        team.get(at)[1]++;
                    }
                    default -> {
                        p[2]++;
                        team.get(at)[0]++;
                    }
                }
            }
            if (!vn.isEmpty()) {
                double[] p = player.computeIfAbsent(vn, n -> new double[8]);
                p[0] = vt;
                p[7] = bot(v) ? 1 : 0;
                switch (type) {
                    case "LogPlayerTakeDamage" -> p[4] += damage;
                    case "LogPlayerMakeGroggy" -> p[5] = 1;
                    default -> {
                        p[6] = 1;
                        team.get(vt)[3]++;
                    }
                }
            }
        }
        List<Integer> ranked = new ArrayList<>(team.keySet());
        ranked.sort(Comparator.comparingDouble((Integer t) -> -(team.get(t)[0] * 3 + team.get(t)[1] * 2 + team.get(t)[2] / 100))
                .thenComparingInt(t -> t));
        Map<Integer, Boolean> eliminated = new HashMap<>();
        player.values().forEach(p -> eliminated.merge((int) p[0], p[6] == 1, Boolean::logicalAnd));
        TreeSet<Integer> actual = new TreeSet<>();
        Map<String, String> participants = new TreeMap<>();
        int knocks = 0;
        int kills = 0;
        double damage = 0;
        for (Map.Entry<String, double[]> p : player.entrySet()) {
            double[] s = p.getValue();
            if (NPC.contains(p.getKey()) || p.getKey().toLowerCase().startsWith("ai_") || s[7] == 1) {
                continue;
            }
            actual.add((int) s[0]);
            knocks += (int) s[1];
            kills += (int) s[2];
            damage += s[3];
            participants.put(p.getKey(), String.format("team=%d knocks=%d kills=%d dealt=%.2f taken=%.2f knocked=%b killed=%b",
                    (int) s[0], (int) s[1], (int) s[2], s[3], s[4], s[5] == 1, s[6] == 1));
        }
        String reason = reason(cluster, actual);
        if (reason == null || actual.isEmpty()) {
            return null;
        }
        List<Integer> teams = List.copyOf(actual);
        boolean third = teams.size() > 2;
        List<Integer> surviving = teams.stream().filter(t -> !eliminated.getOrDefault(t, false)).toList();
        String outcome;
        Integer winner = null;
        Integer loser = null;
        if (surviving.size() < teams.size()) {
            outcome = third ? "THIRD_PARTY" : "DECISIVE_WIN";
            loser = first(teams, Comparator.comparingDouble(t -> team.get(t)[3]));
            winner = surviving.isEmpty() ? null : first(surviving, Comparator.comparingDouble((Integer t) -> team.get(t)[0])
                    .thenComparingDouble(t -> team.get(t)[1]).thenComparingDouble(t -> team.get(t)[2]));
        } else {
            double most = teams.stream().mapToDouble(t -> team.get(t)[3]).max().orElse(0);
            double fewest = teams.stream().mapToDouble(t -> team.get(t)[3]).min().orElse(0);
            if (most - fewest >= 2 || most - fewest == 1 && most >= 2) {
                outcome = third ? "THIRD_PARTY" : most - fewest >= 2 ? "DECISIVE_WIN" : "MARGINAL_WIN";
                loser = first(teams, Comparator.comparingDouble(t -> team.get(t)[3]));
                winner = first(teams, Comparator.comparingDouble((Integer t) -> -team.get(t)[3]));
            } else {
                outcome = "DRAW";
            }
        }
        Map<Integer, String> outcomes = new TreeMap<>();
        for (int t : teams) {
            outcomes.put(t, Integer.valueOf(t).equals(loser) ? "LOST" : Integer.valueOf(t).equals(winner) ? "WON" : "DRAW");
        }
        return new Fight(start, end, teams, ranked.get(0), ranked.size() > 1 ? ranked.get(1) : null,
                ranked.size() > 2 ? ranked.subList(2, ranked.size()) : List.of(), knocks, kills, damage, outcome, winner,
                loser, outcomes, reason, participants);
    }

    private static String reason(List<Combat> cluster, Set<Integer> teams) {
        long knocks = cluster.stream().filter(c -> c.kind().equals("knock")).count();
        long kills = cluster.stream().filter(c -> c.kind().equals("kill")).count();
        Map<Integer, Double> damage = new HashMap<>();
        cluster.stream().filter(c -> c.kind().equals("damage")).forEach(c -> damage.merge(c.attackerTeam(), c.damage(), Double::sum));
        double total = damage.values().stream().mapToDouble(d -> d).sum();
        if (knocks + kills >= 2) {
            return "Multiple casualties (" + (knocks + kills) + " knocks/kills)";
        }
        boolean all = damage.size() >= 2 && damage.keySet().equals(teams);
        if (knocks == 0 && kills == 0 && all && total >= 150 && damage.values().stream().allMatch(d -> d >= total * 0.2)) {
            return "Sustained reciprocal damage (" + Math.round(total) + " total)";
        }
        if (knocks == 1 && kills == 0 && all && damage.values().stream().allMatch(d -> d >= 75)) {
            return "Single knock with reciprocal damage (all teams ≥75 damage)";
        }
        return null;
    }

    /** The first team with the greatest value by {@code order}. */
    private static Integer first(List<Integer> teams, Comparator<Integer> order) {
        Integer best = null;
        for (Integer t : teams) {
            if (best == null || order.compare(t, best) > 0) {
                best = t;
            }
        }
        return best;
    }

    private static boolean bot(JsonNode c) {
        return c.path("accountId").asText("").startsWith("ai.") || "user_ai".equals(c.path("type").asText());
    }

    private static double[] centre(JsonNode a, JsonNode v) {
        List<JsonNode> at = new ArrayList<>();
        for (JsonNode c : List.of(a, v)) {
            if (c.path("location").isObject()) {
                at.add(c.path("location"));
            }
        }
        if (at.isEmpty()) {
            return null;
        }
        double[] c = new double[3];
        for (JsonNode l : at) {
            c[0] += l.path("x").asDouble() / at.size();
            c[1] += l.path("y").asDouble() / at.size();
            c[2] += l.path("z").asDouble() / at.size();
        }
        return c;
    }

    private static double distance(double[] c, JsonNode l) {
        return Math.sqrt(Math.pow(c[0] - l.path("x").asDouble(), 2) + Math.pow(c[1] - l.path("y").asDouble(), 2)
                + Math.pow(c[2] - l.path("z").asDouble(), 2)) / 100;
    }

    static long time(JsonNode e) {
        return Instant.parse(e.path("_D").asText()).toEpochMilli();
    }

    private LiveFightRules() {
    }
}
