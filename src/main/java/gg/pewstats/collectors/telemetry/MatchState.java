package gg.pewstats.collectors.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the extractors of one match share during its one pass, so none of them needs a second one: where
 * players were ({@link PositionTimeline}), the knocks and what became of them, and the per-player values
 * that go into {@code match_summaries} ({@link PlayerStats}). One per match, thrown away with it.
 */
public final class MatchState {

    /** One LogPlayerMakeGroggy and its outcome, completed by later events of the pass. */
    public static final class Knock {
        final int eventIndex;
        final Long dbnoId;
        final long time;
        final String attackerName;
        final String attackerAccountId;
        final Integer attackerTeamId;
        final String victimName;
        final String victimAccountId;
        final Integer victimTeamId;
        final Double distanceMetres;
        final boolean headshot;
        final boolean throughWall;
        final boolean inVehicle;
        /** killed, revived or unknown */
        String outcome = "unknown";
        String finisherName;
        String finisherAccountId;
        Boolean finisherIsSelf;
        Boolean finisherIsTeammate;
        Double timeToFinish;
        /** nearest teammate of the attacker within ±5 s, metres; null when none had a position */
        Double nearestTeammate;
        Double avgTeammate;

        Knock(int eventIndex, Long dbnoId, long time, String attackerName, String attackerAccountId,
                Integer attackerTeamId, String victimName, String victimAccountId, Integer victimTeamId,
                Double distanceMetres, boolean headshot, boolean throughWall, boolean inVehicle) {
            this.eventIndex = eventIndex;
            this.dbnoId = dbnoId;
            this.time = time;
            this.attackerName = attackerName;
            this.attackerAccountId = attackerAccountId;
            this.attackerTeamId = attackerTeamId;
            this.victimName = victimName;
            this.victimAccountId = victimAccountId;
            this.victimTeamId = victimTeamId;
            this.distanceMetres = distanceMetres;
            this.headshot = headshot;
            this.throughWall = throughWall;
            this.inVehicle = inVehicle;
        }

        boolean open() {
            return "unknown".equals(outcome);
        }
    }

    private final PositionTimeline positions = new PositionTimeline();
    private final PlayerStats players = new PlayerStats();
    private final List<Knock> knocks = new ArrayList<>();
    private final Map<Long, Knock> knocksByDbnoId = new HashMap<>();
    private final Map<String, Knock> openKnockOfVictim = new HashMap<>();

    public PositionTimeline positions() {
        return positions;
    }

    public PlayerStats players() {
        return players;
    }

    /** Every knock, in file order. */
    public List<Knock> knocks() {
        return knocks;
    }

    void addKnock(Knock knock) {
        knocks.add(knock);
        if (knock.dbnoId != null && knock.dbnoId >= 0) {
            knocksByDbnoId.put(knock.dbnoId, knock);
        }
        if (knock.victimAccountId != null) {
            openKnockOfVictim.put(knock.victimAccountId, knock);
        }
    }

    /** The knock of this dBNOId; null for none (or -1, an instant kill). */
    Knock knockOf(Long dbnoId) {
        return dbnoId == null || dbnoId < 0 ? null : knocksByDbnoId.get(dbnoId);
    }

    /** The victim's latest knock, if still open (revives of old files carry no dBNOId); null otherwise. */
    Knock openKnockOf(String victimAccountId) {
        Knock latest = victimAccountId == null ? null : openKnockOfVictim.get(victimAccountId);
        return latest != null && latest.open() ? latest : null;
    }

    /** A kill with a dBNOId of a knock seen in this match (else the kill was instant). */
    boolean isKnownKnock(Long dbnoId) {
        return dbnoId != null && dbnoId >= 0 && knocksByDbnoId.containsKey(dbnoId);
    }
}
