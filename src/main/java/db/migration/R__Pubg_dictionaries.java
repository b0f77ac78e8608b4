package db.migration;

import java.nio.charset.StandardCharsets;
import gg.pewstats.collectors.pubg.Dictionaries;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads PUBG's dictionaries (src/main/resources/pubg/damage-causers.tsv, damage-types.tsv, game-types.tsv)
 * into their lookup tables (V6). A repeatable Flyway migration: its checksum is the files' content, so
 * Flyway runs it again, replacing the rows, whenever a release changes a file. This is Java, not SQL,
 * because the rows live in one place, the files that the extraction's weapon categories also read.
 */
public class R__Pubg_dictionaries extends BaseJavaMigration {

    private static final List<String[]> TABLES = List.of(
            new String[] {"/pubg/damage-causers.tsv", "damage_causer_names", "internal_name, display_name, weapon_category"},
            new String[] {"/pubg/damage-types.tsv", "damage_type_categories", "internal_name, display_name"},
            new String[] {"/pubg/game-types.tsv", "game_types", "game_type, display_name"});

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        for (String[] table : TABLES) {
            for (String[] row : Dictionaries.rows(table[0])) {
                crc.update(String.join("\t", row).getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    @Override
    public void migrate(Context context) throws Exception {
        for (String[] table : TABLES) {
            int columns = table[2].split(",").length;
            try (Statement delete = context.getConnection().createStatement()) {
                delete.executeUpdate("DELETE FROM " + table[1]);
            }
            String marks = String.join(", ", java.util.Collections.nCopies(columns, "?"));
            try (PreparedStatement insert = context.getConnection()
                    .prepareStatement("INSERT INTO " + table[1] + " (" + table[2] + ") VALUES (" + marks + ")")) {
                for (String[] row : Dictionaries.rows(table[0])) {
                    if (row.length != columns) {
                        throw new IllegalStateException(table[0] + ": " + String.join("\t", row) + " has " + row.length
                                + " fields, expected " + columns);
                    }
                    for (int i = 0; i < columns; i++) {
                        insert.setString(i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
