package org.sunlight.record.internal;

/** One link of a case's chain (row of sl_record_entry). */
public record ChainEntry(String chainKey, long seq, String tableName, String rowId, String rowDigest, String rowData,
                         long recordedMs, String entryHash) {
}
