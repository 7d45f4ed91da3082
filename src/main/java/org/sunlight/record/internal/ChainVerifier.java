package org.sunlight.record.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes a case's chain from the rows as they are now and from the evidence files: intact, or the first entry
 * that differs and how — the chain itself altered, a row changed (with the columns that differ), a row missing, a
 * row that no entry covers (extra, e.g. forged), an evidence file changed or gone. Reads only the case's rows (root
 * process instance indexes), so it takes time proportional to the case, not to the database.
 */
@Component
class ChainVerifier {

    /** What verification found wrong with one row or entry. */
    record Finding(String kind, Long seq, String table, String tableLabel, String rowId, String messageZh,
                   String messageEn, List<Map<String, String>> changes) {
    }

    record Result(String chainKey, boolean intact, long entries, long headSeq, String headHash,
                  Finding firstBroken, List<Finding> findings, Boolean expectedHeadFound) {
    }

    private final ChainMapper mapper;
    private final StoredRows rows;
    private final EvidenceStore store;
    private final ObjectMapper json = new ObjectMapper();

    ChainVerifier(ChainMapper mapper, StoredRows rows, EvidenceStore store) {
        this.mapper = mapper;
        this.rows = rows;
        this.store = store;
    }

    /**
     * @param expectedSeq with expectedHash, a head exported earlier: the chain must still contain it at that place
     */
    @Transactional(readOnly = true)
    Result verify(String chainKey, Long expectedSeq, String expectedHash) {
        List<ChainEntry> entries = mapper.entries(chainKey);
        ChainMapper.Head head = mapper.head(chainKey);
        List<Finding> findings = new ArrayList<>();

        // 1. the chain itself: every entry's data matches its digest, every link its predecessor, the head the end
        String previous = ChainHashes.GENESIS;
        long expectedNext = 1;
        Boolean headFound = expectedSeq == null ? null : Boolean.FALSE;
        for (ChainEntry entry : entries) {
            String problem = null;
            if (entry.seq() != expectedNext) {
                problem = "链条序号不连续（缺少第 " + expectedNext + " 条）";
            } else if (!ChainHashes.rowDigest(entry.rowData()).equals(entry.rowDigest())) {
                problem = "链条记录的行内容与其摘要不符";
            } else if (!ChainHashes.entryHash(chainKey, entry.seq(), previous, entry.tableName(), entry.rowId(),
                    entry.rowDigest(), entry.recordedMs()).equals(entry.entryHash())) {
                problem = "链条哈希不连续";
            }
            if (problem != null) {
                findings.add(new Finding("chain-altered", entry.seq(), entry.tableName(),
                        RecordTables.label(entry.tableName()), entry.rowId(), "哈希链第 " + entry.seq() + " 条被改动："
                        + problem, "Chain entry " + entry.seq() + " was altered", List.of()));
                break;
            }
            if (expectedSeq != null && entry.seq() == expectedSeq && entry.entryHash().equalsIgnoreCase(expectedHash)) {
                headFound = Boolean.TRUE;
            }
            previous = entry.entryHash();
            expectedNext = entry.seq() + 1;
        }
        long lastSeq = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        if (findings.isEmpty() && head != null && (head.seq() != lastSeq || !head.headHash().equals(previous))) {
            findings.add(new Finding("chain-altered", lastSeq + 1, null, null, null,
                    "哈希链末端与链头不符（链头为第 " + head.seq() + " 条）：链条记录被删除或截断",
                    "The chain ends before its head (entry " + head.seq() + "): entries were removed", List.of()));
        }
        if (Boolean.FALSE.equals(headFound)) {
            findings.add(new Finding("head-not-found", expectedSeq, null, null, null,
                    "此前导出的链头（第 " + expectedSeq + " 条）在当前哈希链中不存在：记录被改写",
                    "The head exported earlier (entry " + expectedSeq + ") is not in the chain: the record was rewritten",
                    List.of()));
        }

        // 2. the rows: the latest entry of each row against the row as it is now
        Map<String, ChainEntry> latest = new LinkedHashMap<>();
        for (ChainEntry entry : entries) {
            latest.put(entry.tableName() + '\u0000' + entry.rowId(), entry);
        }
        Map<String, StoredRows.Row> current = new HashMap<>();
        for (RecordTables.Spec spec : RecordTables.ALL) {
            for (StoredRows.Row row : rows.byCase(spec, chainKey)) {
                current.put(spec.table() + '\u0000' + row.id(), row);
            }
        }
        String absent = ChainHashes.rowDigest(StoredRows.ABSENT_JSON);
        for (ChainEntry entry : latest.values()) {
            String key = entry.tableName() + '\u0000' + entry.rowId();
            StoredRows.Row row = current.remove(key);
            if (row == null && !entry.rowDigest().equals(absent)) {
                // moved to another case by editing its case column is a change, not a disappearance
                row = rows.byIds(RecordTables.spec(entry.tableName()), List.of(entry.rowId())).get(entry.rowId());
            }
            String label = RecordTables.label(entry.tableName());
            if (row == null) {
                if (!entry.rowDigest().equals(absent)) {
                    findings.add(new Finding("missing", entry.seq(), entry.tableName(), label, entry.rowId(),
                            label + "记录 " + entry.rowId() + " 已被删除（" + entry.tableName() + "）",
                            entry.tableName() + " row " + entry.rowId() + " was deleted", List.of()));
                }
            } else if (!row.digest().equals(entry.rowDigest())) {
                findings.add(new Finding("changed", entry.seq(), entry.tableName(), label, entry.rowId(),
                        label + "记录 " + entry.rowId() + " 已被修改（" + entry.tableName() + "）",
                        entry.tableName() + " row " + entry.rowId() + " was changed", changes(entry.rowData(), row)));
            }
        }
        for (StoredRows.Row extra : current.values()) {
            String label = RecordTables.label(extra.table());
            findings.add(new Finding("extra", null, extra.table(), label, extra.id(),
                    label + "记录 " + extra.id() + " 不在哈希链中：系伪造或在链条之外写入（" + extra.table() + "）",
                    extra.table() + " row " + extra.id() + " is not in the chain (forged or written outside it)",
                    List.of()));
        }

        // 3. the evidence files behind the evidence rows
        for (ChainEntry entry : latest.values()) {
            if (!entry.tableName().equals(RecordTables.EVIDENCE) || entry.rowDigest().equals(absent)) {
                continue;
            }
            String sha256 = field(entry.rowData(), "SHA256");
            if (sha256 == null) {
                continue;
            }
            Optional<String> now = hash(sha256);
            if (now.isEmpty()) {
                findings.add(new Finding("evidence-file-missing", entry.seq(), entry.tableName(), "证据文件",
                        entry.rowId(), "证据 #" + entry.rowId() + " 的文件已从存储中缺失（SHA-256 " + sha256 + "）",
                        "The file of evidence #" + entry.rowId() + " is missing from the store", List.of()));
            } else if (!now.get().equals(sha256)) {
                findings.add(new Finding("evidence-file-changed", entry.seq(), entry.tableName(), "证据文件",
                        entry.rowId(), "证据 #" + entry.rowId() + " 的文件已被改动：登记 SHA-256 " + sha256 + "，现为 "
                        + now.get(), "The file of evidence #" + entry.rowId() + " was altered", List.of(
                        Map.of("column", "SHA256", "recorded", sha256, "current", now.get()))));
            }
        }

        findings.sort(Comparator.comparing((Finding f) -> f.seq() == null ? Long.MAX_VALUE : f.seq())
                .thenComparing(f -> f.table() == null ? "" : f.table()).thenComparing(f -> f.rowId() == null ? ""
                        : f.rowId()));
        return new Result(chainKey, findings.isEmpty(), entries.size(), head == null ? 0 : head.seq(),
                head == null ? null : head.headHash(), findings.isEmpty() ? null : findings.get(0), findings,
                headFound);
    }

    private Optional<String> hash(String sha256) {
        try {
            return store.currentHash(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Map<String, String>> changes(String recordedJson, StoredRows.Row row) {
        Map<String, String> recorded = parse(recordedJson);
        TreeSet<String> columns = new TreeSet<>(recorded.keySet());
        columns.addAll(row.columns().keySet());
        List<Map<String, String>> changes = new ArrayList<>();
        for (String column : columns) {
            String before = recorded.get(column);
            String after = row.columns().get(column);
            if (!Objects.equals(before, after)) {
                Map<String, String> change = new LinkedHashMap<>();
                change.put("column", column);
                change.put("recorded", before);
                change.put("current", after);
                changes.add(change);
            }
        }
        return changes;
    }

    private String field(String rowJson, String column) {
        return parse(rowJson).get(column);
    }

    private Map<String, String> parse(String rowJson) {
        try {
            Map<String, String> map = json.readValue(rowJson, new TypeReference<Map<String, String>>() {
            });
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
