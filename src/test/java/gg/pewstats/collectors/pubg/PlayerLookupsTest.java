package gg.pewstats.collectors.pubg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.pubg.PlayerLookups.Batch;
import gg.pewstats.collectors.pubg.PlayerLookups.Lookup;
import gg.pewstats.collectors.testing.PubgSamples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlayerLookupsTest {

    private final PlayerLookups lookups = new PlayerLookups(10);

    private static Map<String, Object> player(String id, String name) {
        Map<String, Object> row = new HashMap<>();
        row.put("player_id", id);
        row.put("player_name", name);
        return row;
    }

    @Test
    void batchesOfTenByIdOnceKnownByNameOtherwiseNeverBots() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            rows.add(player("account." + i, "p" + i));
        }
        rows.add(player("pending:someone", "someone"));
        rows.add(player("ai.12", "bot"));
        List<Batch> batches = lookups.batches(rows);
        assertThat(batches).extracting(b -> b.values().size()).containsExactly(10, 10, 3, 1);
        assertThat(batches.get(3).filter()).isEqualTo("playerNames");
        assertThat(batches).allSatisfy(b -> assertThat(b.values()).noneMatch(v -> v.startsWith("ai.")));
        assertThat(batches.get(3).query()).isEqualTo("filter%5BplayerNames%5D=someone");
    }

    @Test
    void readsPlayersAndTheirMatchIdsFromARealResponse() throws Exception {
        String body = PubgSamples.read(PubgSamples.PLAYERS_TWO);
        JsonNode source = new ObjectMapper().readTree(body);
        Lookup lookup = lookups.read(new Batch("playerNames", List.of("chocoTaco", "glmn", "nobody")), body);
        assertThat(lookup.players()).extracting(PlayerLookups.Player::name).containsExactlyInAnyOrder("chocoTaco", "glmn");
        int refs = 0;
        for (JsonNode p : source.path("data")) {
            refs += p.path("relationships").path("matches").path("data").size();
        }
        assertThat(lookup.matchIds()).hasSize(refs); // 119 + 300, no id shared between them
    }
}
