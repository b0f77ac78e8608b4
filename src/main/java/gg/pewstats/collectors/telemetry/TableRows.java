package gg.pewstats.collectors.telemetry;

import java.util.ArrayList;
import java.util.List;

/** The rows one extractor made for one table; values in the order of {@link #columns()}. */
public final class TableRows {

    private final String table;
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public TableRows(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }

    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
    }

    public int size() {
        return rows.size();
    }
}
