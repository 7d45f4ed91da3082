package org.sunlight.record.internal;

/**
 * A row that a history event (or an evidence upload) wrote or changed in the current transaction.
 *
 * @param chainKeyHint the case (root process instance) the event named, used when the row itself is gone
 */
record RowRef(String table, String id, String chainKeyHint) {

    /** Two refs to the same row are the same ref, whatever case the events named. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RowRef ref && ref.table.equals(table) && ref.id.equals(id);
    }

    @Override
    public int hashCode() {
        return table.hashCode() * 31 + id.hashCode();
    }
}
