package org.sunlight.disclosure.internal;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The outbox. Several nodes share one database: a node sends a row only after claiming it with a conditional UPDATE
 * (one row, one winner under READ COMMITTED on MySQL and H2 alike), for a lease; a crashed node's lease runs out and
 * another node takes the row over. Events of one publication go out in order: a row waits while an earlier row of the
 * same aggregate is not sent.
 */
@Mapper
interface OutboxMapper {

    String COLUMNS = "id, event_id, event_type, aggregate_id, payload, status, attempts, next_attempt_at, locked_by, "
            + "locked_until, last_attempt_at, last_error, created_at, sent_at";

    @Insert("INSERT INTO sl_outbox (event_id, event_type, aggregate_id, payload, status, attempts, next_attempt_at, "
            + "created_at) VALUES (#{eventId}, #{type}, #{aggregateId}, #{payload}, 'pending', 0, #{now}, #{now})")
    void insert(@Param("eventId") String eventId, @Param("type") String type, @Param("aggregateId") String aggregateId,
                @Param("payload") String payload, @Param("now") Date now);

    @Select("SELECT " + COLUMNS + " FROM sl_outbox o WHERE o.status = 'pending' AND o.next_attempt_at <= #{now} "
            + "AND (o.locked_until IS NULL OR o.locked_until < #{now}) "
            + "AND NOT EXISTS (SELECT 1 FROM sl_outbox e WHERE e.aggregate_id = o.aggregate_id AND e.id < o.id "
            + "AND e.status <> 'sent') ORDER BY o.id LIMIT #{limit}")
    List<OutboxRow> due(@Param("now") Date now, @Param("limit") int limit);

    @Update("UPDATE sl_outbox SET locked_by = #{node}, locked_until = #{until} WHERE id = #{id} AND status = 'pending' "
            + "AND (locked_until IS NULL OR locked_until < #{now})")
    int claim(@Param("id") long id, @Param("node") String node, @Param("now") Date now, @Param("until") Date until);

    @Update("UPDATE sl_outbox SET status = 'sent', attempts = attempts + 1, last_attempt_at = #{now}, sent_at = #{now}, "
            + "last_error = NULL, locked_by = NULL, locked_until = NULL WHERE id = #{id} AND locked_by = #{node}")
    int markSent(@Param("id") long id, @Param("node") String node, @Param("now") Date now);

    @Update("UPDATE sl_outbox SET attempts = attempts + 1, last_attempt_at = #{now}, next_attempt_at = #{next}, "
            + "last_error = #{error}, locked_by = NULL, locked_until = NULL WHERE id = #{id} AND locked_by = #{node}")
    int markRetry(@Param("id") long id, @Param("node") String node, @Param("now") Date now, @Param("next") Date next,
                  @Param("error") String error);

    @Update("UPDATE sl_outbox SET status = 'dead', attempts = attempts + 1, last_attempt_at = #{now}, "
            + "last_error = #{error}, locked_by = NULL, locked_until = NULL WHERE id = #{id} AND locked_by = #{node}")
    int markDead(@Param("id") long id, @Param("node") String node, @Param("now") Date now, @Param("error") String error);

    @Update("UPDATE sl_outbox SET status = 'pending', attempts = 0, next_attempt_at = #{now}, locked_by = NULL, "
            + "locked_until = NULL WHERE id = #{id} AND status = 'dead'")
    int resend(@Param("id") long id, @Param("now") Date now);

    @Select("SELECT " + COLUMNS + " FROM sl_outbox WHERE id = #{id}")
    OutboxRow find(long id);

    @Select("SELECT " + COLUMNS + " FROM sl_outbox WHERE event_id = #{eventId}")
    OutboxRow findByEventId(String eventId);

    @Select("<script>SELECT " + COLUMNS + " FROM sl_outbox <where><if test='status != null'>status = #{status}</if>"
            + "<if test='aggregateId != null'> AND aggregate_id = #{aggregateId}</if></where> "
            + "ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<OutboxRow> list(@Param("status") String status, @Param("aggregateId") String aggregateId,
                         @Param("limit") int limit, @Param("offset") int offset);

    @Select("<script>SELECT COUNT(*) FROM sl_outbox <where><if test='status != null'>status = #{status}</if>"
            + "<if test='aggregateId != null'> AND aggregate_id = #{aggregateId}</if></where></script>")
    long count(@Param("status") String status, @Param("aggregateId") String aggregateId);
}
