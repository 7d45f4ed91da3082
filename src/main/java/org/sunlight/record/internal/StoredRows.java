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

    StoredRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows with the given ids (missing ids are simply absent from the result). */
    Map<String, Row> byIds(RecordTables.Spec spec, Collection<String> ids) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            for (Row row : query(spec, spec.idColumn() + " IN (" + marks + ")", chunk.toArray())) {
                rows.put(row.id(), row);
            }
        }
        return rows;
    }

    /** Every row of a case in the table (uses the engine's ROOT_PROC_INST_ID_ indexes). */
    List<Row> byCase(RecordTables.Spec spec, String caseKey) {
        if (spec.caseColumn() == null) {
            return List.of();
        }
        return query(spec, spec.caseColumn() + " = ?", caseKey);
    }

    private List<Row> query(RecordTables.Spec spec, String where, Object... args) {
        List<Map<String, Object>> raw = new ArrayList<>();
        jdbc.query("SELECT * FROM " + spec.sqlName() + " WHERE " + where, (ResultSet rs) -> {
            raw.add(canonicalColumns(rs));
        }, args);
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
        Map<String, String> byteDigests = byteArrayDigests(byteArrayIds);
        List<Row> rows = new ArrayList<>(raw.size());
        for (Map<String, Object> columns : raw) {
            for (String column : RecordTables.BYTE_ARRAY_COLUMNS) {
                Object id = columns.get(column);
                if (id != null) {
                    // a missing byte array is recorded as such: it was part of the row's value
                    columns.put(column + ":BYTES", byteDigests.getOrDefault(id.toString(), "missing"));
                }
            }
            rows.add(row(spec, columns));
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
