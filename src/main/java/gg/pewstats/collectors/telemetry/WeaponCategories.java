package gg.pewstats.collectors.telemetry;

import gg.pewstats.collectors.pubg.Dictionaries;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weapon category of a damage causer (telemetry damageCauserName), from the dictionary file
 * pubg/damage-causers.tsv (also the damage_causer_names table). An id the file does not list is
 * {@code Other}, logged once per id for the life of the process.
 */
public final class WeaponCategories {

    public static final String OTHER = "Other";
    public static final String THROWABLE = "Throwable";

    private static final Logger LOG = LoggerFactory.getLogger(WeaponCategories.class);
    private static final Map<String, String> CATEGORIES = load();
    private static final Set<String> UNKNOWN_LOGGED = ConcurrentHashMap.newKeySet();

    private WeaponCategories() {
    }

    /** The category of a damage causer; null or empty (no weapon named) is {@code Other} without a log line. */
    public static String of(String damageCauserName) {
        if (damageCauserName == null || damageCauserName.isEmpty()) {
            return OTHER;
        }
        String category = CATEGORIES.get(damageCauserName);
        if (category != null) {
            return category;
        }
        if (UNKNOWN_LOGGED.size() < 10_000 && UNKNOWN_LOGGED.add(damageCauserName)) {
            LOG.info("Damage causer {} is not in pubg/damage-causers.tsv: counted as {}", damageCauserName, OTHER);
        }
        return OTHER;
    }

    private static Map<String, String> load() {
        Map<String, String> categories = new HashMap<>();
        for (String[] row : Dictionaries.rows(Dictionaries.DAMAGE_CAUSERS)) {
            categories.put(row[0], row[2]);
        }
        return Map.copyOf(categories);
    }
}
