package gg.pewstats.collectors.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live PewStats tables and their columns, read from {@code ../shared/reference/pewstats-tables.md}
 * (not copied into the repository). A missing file fails the test: it never skips.
 */
public final class LiveReference {

    private static final Pattern TABLE = Pattern.compile("^## (\\w+)\\s*$");
    private static final Pattern COLUMN = Pattern.compile("^- `(\\w+)` ?(.*)$");

    private LiveReference() {
    }

    /** Table name to its columns (name to the reference's type text, "" when the reference has none). */
    public static Map<String, Map<String, String>> tables() {
        Path file = Path.of("..", "shared", "reference", "pewstats-tables.md");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the live schema reference is not at " + file.toAbsolutePath()
                    + ": the drop-in tests need ../shared/reference");
        }
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        Map<String, String> current = null;
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher table = TABLE.matcher(line);
                Matcher column = COLUMN.matcher(line);
                if (table.matches()) {
                    current = new LinkedHashMap<>();
                    tables.put(table.group(1), current);
                } else if (current != null && column.matches()) {
                    String type = column.group(2).trim();
                    current.put(column.group(1), type.startsWith("(") ? "" : type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
