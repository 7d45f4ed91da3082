package org.sunlight.record.internal;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ChainMapper {

    record Head(String chainKey, long seq, String headHash, long updatedMs) {
    }

    /** Locks the case's head for the rest of the transaction: appends to one case are serialised, others not. */
    @Select("SELECT chain_key, seq, head_hash, updated_ms FROM sl_record_head WHERE chain_key = #{key} FOR UPDATE")
    Head lockHead(String key);

    @Select("SELECT chain_key, seq, head_hash, updated_ms FROM sl_record_head WHERE chain_key = #{key}")
    Head head(String key);

    @Insert("INSERT INTO sl_record_head (chain_key, seq, head_hash, updated_ms) VALUES (#{key}, 0, #{hash}, #{ms})")
    void insertHead(@Param("key") String key, @Param("hash") String genesis, @Param("ms") long ms);

    @Update("UPDATE sl_record_head SET seq = #{seq}, head_hash = #{hash}, updated_ms = #{ms} WHERE chain_key = #{key}")
    void updateHead(@Param("key") String key, @Param("seq") long seq, @Param("hash") String hash,
                    @Param("ms") long ms);

    record RowSeq(String tableName, String rowId, long firstSeq, long lastSeq) {
    }

    /** Where each row of the case entered the chain, and its latest entry: the order things happened. */
    @Select("SELECT table_name, row_id, MIN(seq) AS first_seq, MAX(seq) AS last_seq FROM sl_record_entry "
            + "WHERE chain_key = #{key} GROUP BY table_name, row_id")
    List<RowSeq> rowSeqs(String key);

    @Select("SELECT chain_key, seq, table_name, row_id, row_digest, row_data, recorded_ms, entry_hash "
            + "FROM sl_record_entry WHERE chain_key = #{key} ORDER BY seq")
    List<ChainEntry> entries(String key);
}
