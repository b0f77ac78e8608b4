package gg.pewstats.collectors.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.telemetry.WeaponCategories;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PUBG's dictionaries as lookup tables: after migration the database names every damage causer and damage
 * type of the official dictionaries (../shared/pubg/api-assets) as they do, each causer with one of the
 * 13 weapon categories, which the extraction uses too; a report can show "AKM" for WeapAK47_C.
 */
class PubgDictionariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CATEGORIES = Set.of("AR", "DMR", "SR", "SMG", "Shotgun", "LMG", "Pistol", "Melee",
            "Throwable", "Special", "Vehicle", "Environment", "Other");

    @Test
    void theOfficialDictionariesAreLookupTables() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> causers = JSON.readValue(PubgSamples.root()
                .resolve("api-assets/dictionaries/telemetry/damageCauserName.json").toFile(), TreeMap.class);
        @SuppressWarnings("unchecked")
        Map<String, String> damageTypes = JSON.readValue(PubgSamples.root()
                .resolve("api-assets/dictionaries/telemetry/damageTypeCategory.json").toFile(), TreeMap.class);
        TestServers servers = TestServers.get();
        String name = TestServers.uniqueName("pewstats_dictionaries_");
        String url = servers.createDatabase(name);
        try {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            ds.setUser(servers.dbUser());
            ds.setPassword(servers.dbPassword());
            new SchemaMigration(ds).migrate();
            try (Connection c = DriverManager.getConnection(url, servers.dbUser(), servers.dbPassword());
                    Statement s = c.createStatement()) {
                Map<String, String> names = new TreeMap<>();
                Map<String, String> categories = new HashMap<>();
                try (ResultSet rs = s.executeQuery("SELECT internal_name, display_name, weapon_category FROM damage_causer_names")) {
                    while (rs.next()) {
                        names.put(rs.getString(1), rs.getString(2));
                        categories.put(rs.getString(1), rs.getString(3));
                    }
                }
                assertThat(names).isEqualTo(causers);
                assertThat(CATEGORIES).containsAll(categories.values());
                // the table and the extraction agree on every category
                categories.forEach((id, category) -> assertThat(WeaponCategories.of(id)).as(id).isEqualTo(category));
                assertThat(categories).containsEntry("WeapAK47_C", "AR").containsEntry("WeapKar98k_C", "SR")
                        .containsEntry("ProjGrenade_C", "Throwable").containsEntry("Uaz_A_01_C", "Vehicle")
                        .containsEntry("BattleRoyaleModeController_Def_C", "Environment");
                Map<String, String> types = new TreeMap<>();
                try (ResultSet rs = s.executeQuery("SELECT internal_name, display_name FROM damage_type_categories")) {
                    while (rs.next()) {
                        types.put(rs.getString(1), rs.getString(2));
                    }
                }
                assertThat(types).isEqualTo(damageTypes);
                try (ResultSet rs = s.executeQuery("SELECT display_name FROM game_types WHERE game_type = 'competitive'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("Ranked");
                }
                // a weapon id the dictionary does not know yet is Other in the extraction
                assertThat(WeaponCategories.of("WeapNotYetReleased_C")).isEqualTo("Other");
            }
        } finally {
            servers.dropDatabase(name);
        }
    }
}
