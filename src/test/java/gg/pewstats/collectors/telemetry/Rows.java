package gg.pewstats.collectors.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An extractor's rows as the tests read them: one map of column to value per row. */
final class Rows {

    private Rows() {
    }

    static Map<String, Object> at(TableRows rows, int i) {
        Map<String, Object> m = new HashMap<>();
        for (int c = 0; c < rows.columns().size(); c++) {
            m.put(rows.columns().get(c), rows.rows().get(i)[c]);
        }
        return m;
    }

    static List<Map<String, Object>> of(TableRows rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(at(rows, i));
        }
        return out;
    }
}
