package gg.pewstats.collectors.pubg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The one place internal map names become display names (resource {@code pubg/map-names.properties}). */
public final class GameNames {

    private static final Properties MAPS = load("/pubg/map-names.properties");

    private GameNames() {
    }

    /** The display name, or the internal name itself when the dictionary does not know it yet. */
    public static String mapDisplayName(String internalName) {
        if (internalName == null || internalName.isEmpty()) {
            return internalName;
        }
        return MAPS.getProperty(internalName, internalName);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = GameNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
