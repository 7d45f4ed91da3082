package org.sunlight.record.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads record rows as they are stored and gives each a canonical form (sorted JSON of column → text) whose digest
 * the chain keeps. The same reader serves appending and verifying, so a row verifies exactly when it is unchanged,
 * whatever the database does to values on the way in (whole seconds on MySQL with sendFractionalSeconds=false,
 * numeric types, CLOBs).
 *
 * <p>This is plain JDBC rather than a MyBatis mapper on purpose: it reads arbitrary tables generically and needs the
 * JDBC type of each column to normalise values, which MyBatis' map results hide.
 */
@Component
class StoredRows {

    /** A row in canonical form. */
    record Row(String table, String id, String caseKey, String json, String digest, Map<String, String> columns) {
    }

    static final String ABSENT_JSON = "null";
    private static final int CHUNK = 200;

    private final JdbcTemplate jdbc;
    private final Map<String, List<Column>> columns = new java.util.concurrent.ConcurrentHashMap<>();

    StoredRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows with the given ids (missing ids are simply absent from the result). */
    Map<String, Row> byIds(RecordTables.Spec spec, Collection<String> ids) {
        Map<String, Row> rows = new LinkedHashMap<>();
        byIds(Map.of(spec, ids)).forEach((key, row) -> rows.put(row.id(), row));
        return rows;
    }

    /**
     * The rows with the given ids from several tables, keyed table + NUL + id, in one round trip per {@value #CHUNK}
     * ids: one {@code UNION ALL} over the tables with a column per distinct (column, JDBC type), the rest NULL. It runs
     * in every engine transaction, where each extra round trip to the database is a scheduling delay on a loaded
     * machine; each value is still read and normalised with its own table's column type, exactly as {@link #byCase}
     * reads it, so a row's digest is the same either way.
     */
    Map<String, Row> byIds(Map<RecordTables.Spec, ? extends Collection<String>> idsByTable) {
        List<Map.Entry<RecordTables.Spec, String>> all = new ArrayList<>();
        idsByTable.forEach((spec, ids) -> ids.forEach(id -> all.add(Map.entry(spec, id))));
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            Map<RecordTables.Spec, List<String>> chunk = new LinkedHashMap<>();
            all.subList(from, Math.min(all.size(), from + CHUNK))
                    .forEach(e -> chunk.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            for (Row row : union(chunk)) {
                rows.put(row.table() + '\u0000' + row.id(), row);
            }
        }
        return rows;
    }

    private List<Row> union(Map<RecordTables.Spec, List<String>> idsByTable) {
        // the same tables with about as many ids give the same SQL text, which Connector/J then parses once per
        // connection (its prepared-statement cache): tables in name order, each id list padded with its last id to a
        // power of two (a repeated id in IN (...) returns the row once)
        List<RecordTables.Spec> specs = new ArrayList<>(idsByTable.keySet());
        specs.sort(java.util.Comparator.comparing(RecordTables.Spec::table));
        Map<RecordTables.Spec, List<Column>> columnsOf = new HashMap<>();
        // one result column per distinct (name, type): a value never passes through another type on the way
        Map<Column, Integer> positions = new LinkedHashMap<>();
        for (RecordTables.Spec spec : specs) {
            List<Column> columns = columns(spec);
            columnsOf.put(spec, columns);
            columns.forEach(column -> positions.putIfAbsent(column, positions.size() + 2));
        }
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (int t = 0; t < specs.size(); t++) {
            RecordTables.Spec spec = specs.get(t);
            Map<Column, String> own = new HashMap<>();
            columnsOf.get(spec).forEach(column -> own.put(column, column.name()));
            sql.append(t == 0 ? "" : " UNION ALL ").append("SELECT ").append(t).append(" AS SL_TABLE_");
            int p = 2;
            for (Column column : positions.keySet()) {
                sql.append(", ").append(own.getOrDefault(column, "NULL")).append(" AS C").append(p++).append('_');
            }
            List<String> ids = idsByTable.get(spec);
            int marks = Integer.highestOneBit(ids.size()) == ids.size() ? ids.size() : Integer.highestOneBit(ids.size()) << 1;
            sql.append(" FROM ").append(spec.sqlName()).append(" WHERE ").append(spec.idColumn()).append(" IN (")
                    .append(String.join(",", java.util.Collections.nCopies(marks, "?"))).append(')');
            args.addAll(ids);
            args.addAll(java.util.Collections.nCopies(marks - ids.size(), ids.get(ids.size() - 1)));
        }
        List<RecordTables.Spec> tableOfRow = new ArrayList<>();
        List<Map<String, Object>> raw = new ArrayList<>();
        jdbc.query(sql.toString(), (ResultSet rs) -> {
            RecordTables.Spec spec = specs.get(rs.getInt(1));
            Map<String, Object> values = new LinkedHashMap<>();
            for (Column column : columnsOf.get(spec)) {
                values.put(column.name(), canonicalValue(rs, positions.get(column), column.type()));
            }
            tableOfRow.add(spec);
            raw.add(values);
        }, args.toArray());
        return rows(tableOfRow, raw);
    }

    /** A table's columns as a plain {@code SELECT *} reads them: the names and types {@link #byCase} sees. */
    record Column(String name, int type) {
    }

    private List<Column> columns(RecordTables.Spec spec) {
        return columns.computeIfAbsent(spec.table(), table -> jdbc.query("SELECT * FROM " + spec.sqlName() + " WHERE 1 = 0",
                (ResultSet rs) -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<Column> list = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String name = meta.getColumnLabel(i).toUpperCase(Locale.ROOT);
                        if (!RecordTables.EXCLUDED_COLUMNS.contains(name)) {
                            list.add(new Column(name, meta.getColumnType(i)));
                        }
                    }
                    return List.copyOf(list);
                }));
    }

    /** Every row of a case in the table (uses the engine's ROOT_PROC_INST_ID_ indexes). */
    List<Row> byCase(RecordTables.Spec spec, String caseKey) {
        if (spec.caseColumn() == null) {
            return List.of();
        }
        List<Map<String, Object>> raw = new ArrayList<>();
        jdbc.query("SELECT * FROM " + spec.sqlName() + " WHERE " + spec.caseColumn() + " = ?", (ResultSet rs) -> {
            raw.add(canonicalColumns(rs));
        }, caseKey);
        return rows(java.util.Collections.nCopies(raw.size(), spec), raw);
    }

    /** The rows in canonical form, with the digests of the byte arrays they point to (one more round trip, if any). */
    private List<Row> rows(List<RecordTables.Spec> specs, List<Map<String, Object>> raw) {
        if (raw.isEmpty()) {
            return List.of();
        }
        Set<String> byteArrayIds = new HashSet<>();
        for (Map<String, Object> columns : raw) {
            for (String column : RecordTables.BYTE_ARRAY_COLUMNS) {
                Object id = columns.get(column);
                if (id != null) {
                    byteArrayIds.add(id.toString());
                }
            }
        }
        Map<String, String> byteDigests = byteArrayIds.isEmpty() ? Map.of() : byteArrayDigests(byteArrayIds);
        List<Row> rows = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> columns = raw.get(i);
            for (String column : RecordTables.BYTE_ARRAY_COLUMNS) {
                Object id = columns.get(column);
                if (id != null) {
                    // a missing byte array is recorded as such: it was part of the row's value
                    columns.put(column + ":BYTES", byteDigests.getOrDefault(id.toString(), "missing"));
                }
            }
            rows.add(row(specs.get(i), columns));
        }
        return rows;
    }

    private Row row(RecordTables.Spec spec, Map<String, Object> columns) {
        TreeMap<String, String> sorted = new TreeMap<>();
        columns.forEach((k, v) -> sorted.put(k, v == null ? null : v.toString()));
        String text = canonicalJson(sorted);
        String id = sorted.get(spec.idColumn());
        String caseKey = spec.caseColumn() == null ? null : sorted.get(spec.caseColumn());
        return new Row(spec.table(), id, caseKey, text, ChainHashes.rowDigest(text), sorted);
    }

    /**
     * {"COLUMN":"text" or null,...} in key order, escaped as JSON requires: written by hand because it is on the path
     * of every engine transaction (a third of the chain's cost went into a general-purpose serializer).
     */
    static String canonicalJson(TreeMap<String, String> columns) {
        StringBuilder out = new StringBuilder(columns.size() * 32);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> column : columns.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, column.getKey());
            out.append(':');
            if (column.getValue() == null) {
                out.append("null");
            } else {
                quote(out, column.getValue());
            }
        }
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Map<String, String> byteArrayDigests(Set<String> ids) {
        Map<String, String> digests = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT ID_, BYTES_ FROM ACT_GE_BYTEARRAY WHERE ID_ IN (" + marks + ")", (ResultSet rs) -> {
                byte[] bytes = rs.getBytes(2);
                digests.put(rs.getString(1), bytes == null ? "null" : "sha256:" + ChainHashes.sha256(bytes));
            }, chunk.toArray());
        }
        return digests;
    }

    /** Column name (upper case) → canonical text, for the current row of the result set. */
    private static Map<String, Object> canonicalColumns(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i).toUpperCase(Locale.ROOT);
            if (RecordTables.EXCLUDED_COLUMNS.contains(name)) {
                continue;
            }
            columns.put(name, canonicalValue(rs, i, meta.getColumnType(i)));
        }
        return columns;
    }

    private static String canonicalValue(ResultSet rs, int i, int type) throws SQLException {
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long value = rs.getLong(i);
                return rs.wasNull() ? null : Long.toString(value);
            }
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                double value = rs.getDouble(i);
                return rs.wasNull() ? null : Double.toString(value);
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                java.math.BigDecimal value = rs.getBigDecimal(i);
                return value == null ? null : value.stripTrailingZeros().toPlainString();
            }
            case Types.BIT, Types.BOOLEAN -> {
                boolean value = rs.getBoolean(i);
                return rs.wasNull() ? null : Boolean.toString(value);
            }
            case Types.TIMESTAMP, Types.DATE, Types.TIME -> {
                // the stored wall-clock value, independent of the JVM's and the session's time zone
                LocalDateTime value = rs.getObject(i, LocalDateTime.class);
                return value == null ? null : value.toString();
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] value = rs.getBytes(i);
                return value == null ? null : "sha256:" + ChainHashes.sha256(value);
            }
            default -> {
                return rs.getString(i);
            }
        }
    }
}
