package org.sunlight.record.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Appends rows to their cases' hash chains. Called once per transaction, just before it commits (after the engine
 * flushed its history rows), with every row that the transaction's history events and evidence uploads touched: each
 * row is read back as stored, so its digest is exactly what verification will recompute.
 */
@Component
class RecordChain {

    /** Chain of the history that belongs to no case (deployments, stand-alone decision evaluations, batches). */
    static final String NO_CASE = "-";
    private static final Logger LOG = LoggerFactory.getLogger(RecordChain.class);
    private static final int INSERT_CHUNK = 50;

    private final ChainMapper mapper;
    private final StoredRows rows;
    private final RecordProperties properties;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    /**
     * {@code sunlight.bench.bare}: the bare-Camunda baseline of the penalty benchmark (BENCHMARKS.md) — the chain, its
     * history handler and comment tap write nothing. For benchmarking only; the prod profile refuses to start with it.
     */
    private final boolean bare;

    RecordChain(ChainMapper mapper, StoredRows rows, RecordProperties properties,
                org.springframework.jdbc.core.JdbcTemplate jdbc,
                @org.springframework.beans.factory.annotation.Value("${sunlight.bench.bare:false}") boolean bare) {
        this.jdbc = jdbc;
        this.bare = bare;
        if (bare) {
            LOG.warn("sunlight.bench.bare=true: the whole-process record is OFF (benchmark baseline, never in production)");
        }
        this.mapper = mapper;
        this.rows = rows;
        this.properties = properties;
    }

    boolean enabled() {
        return !bare && properties.getChain().isEnabled();
    }

    /** The benchmark's bare-Camunda baseline: Sunlight's engine listeners are not even installed. */
    boolean bare() {
        return bare;
    }

    /** Collects a row for the chain of the current transaction. */
    void collect(RowRef ref) {
        ChainSync.current(this).add(ref);
    }

    /** Collects rows whose ids are known only once the engine has inserted them (later in the same command). */
    void collectLater(java.util.function.Supplier<List<RowRef>> refs) {
        ChainSync.current(this).addLater(refs);
    }

    void append(Collection<RowRef> refs) {
        if (refs.isEmpty()) {
            return;
        }
        // read every touched row back as stored, all tables at once
        Map<RecordTables.Spec, List<String>> byTable = new LinkedHashMap<>();
        refs.forEach(ref -> byTable.computeIfAbsent(RecordTables.spec(ref.table()), t -> new ArrayList<>()).add(ref.id()));
        Map<String, StoredRows.Row> found = rows.byIds(byTable);
        Map<RowRef, StoredRows.Row> stored = new LinkedHashMap<>();
        refs.forEach(ref -> stored.put(ref, found.get(ref.table() + '\u0000' + ref.id())));
        // group by case in the order the events came; lock heads in key order so that no two transactions deadlock
        TreeMap<String, List<Map.Entry<RowRef, StoredRows.Row>>> byCase = new TreeMap<>();
        for (Map.Entry<RowRef, StoredRows.Row> entry : stored.entrySet()) {
            StoredRows.Row row = entry.getValue();
            String key = row != null && row.caseKey() != null ? row.caseKey()
                    : entry.getKey().chainKeyHint() != null ? entry.getKey().chainKeyHint() : NO_CASE;
            byCase.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        long now = System.currentTimeMillis();
        for (Map.Entry<String, List<Map.Entry<RowRef, StoredRows.Row>>> chain : byCase.entrySet()) {
            appendToCase(chain.getKey(), chain.getValue(), now);
        }
    }

    private void appendToCase(String key, List<Map.Entry<RowRef, StoredRows.Row>> rowsOfCase, long now) {
        ChainMapper.Head head = lockOrCreate(key, now);
        long seq = head.seq();
        String previous = head.headHash();
        List<ChainEntry> entries = new ArrayList<>(rowsOfCase.size());
        for (Map.Entry<RowRef, StoredRows.Row> item : rowsOfCase) {
            RowRef ref = item.getKey();
            StoredRows.Row row = item.getValue();
            String data = row == null ? StoredRows.ABSENT_JSON : row.json();
            String digest = row == null ? ChainHashes.rowDigest(StoredRows.ABSENT_JSON) : row.digest();
            seq++;
            String hash = ChainHashes.entryHash(key, seq, previous, ref.table(), ref.id(), digest, now);
            entries.add(new ChainEntry(key, seq, ref.table(), ref.id(), digest, data, now, hash));
            previous = hash;
        }
        // one multi-row INSERT per chunk: a JDBC batch is one round trip per row on MySQL (no rewriteBatchedStatements,
        // which Camunda cannot use, FACTS §7), and this runs in every engine transaction
        for (int from = 0; from < entries.size(); from += INSERT_CHUNK) {
            List<ChainEntry> chunk = entries.subList(from, Math.min(entries.size(), from + INSERT_CHUNK));
            StringBuilder sql = new StringBuilder("INSERT INTO sl_record_entry (chain_key, seq, table_name, row_id, "
                    + "row_digest, row_data, recorded_ms, entry_hash) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            }
            jdbc.update(sql.toString(), ps -> {
                int p = 1;
                for (ChainEntry e : chunk) {
                    ps.setString(p++, e.chainKey());
                    ps.setLong(p++, e.seq());
                    ps.setString(p++, e.tableName());
                    ps.setString(p++, e.rowId());
                    ps.setString(p++, e.rowDigest());
                    ps.setString(p++, e.rowData());
                    ps.setLong(p++, e.recordedMs());
                    ps.setString(p++, e.entryHash());
                }
            });
        }
        mapper.updateHead(key, seq, previous, now);
    }

    private ChainMapper.Head lockOrCreate(String key, long now) {
        ChainMapper.Head head = mapper.lockHead(key);
        if (head != null) {
            return head;
        }
        try {
            mapper.insertHead(key, ChainHashes.GENESIS, now);
        } catch (DuplicateKeyException e) {
            LOG.debug("Chain head {} created concurrently", key);
        }
        return mapper.lockHead(key);
    }
}
