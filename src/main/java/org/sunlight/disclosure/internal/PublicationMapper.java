package org.sunlight.disclosure.internal;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * SQL of publications. Queries for the public portal select published and withdrawn rows only; withdrawn rows never
 * match a search by party (their content is hidden, so it must not be found either).
 */
@Mapper
interface PublicationMapper {

    String COLUMNS = "id, public_id, business_key, case_number, category, kind, kind_name, department_id, acting_body, "
            + "handler_id, decided_at, period_days, due_at, status, withheld_reason, party_type, party_name, party_code, "
            + "party_address, party_phone, party_id_number, document_no, matter, decision_result, legal_basis, masking_version, masked_items, revision, "
            + "review_instance_id, published_at, published_by, revocation_kind, revocation_basis, revoked_on, "
            + "withdrawal_due_at, withdrawal_instance_id, withdrawn_at, withdrawal_reason, created_at, updated_at";

    String PUBLIC_FILTER = "<where> status IN ('published', 'withdrawn')"
            + "<if test='f.category != null'> AND category = #{f.category}</if>"
            + "<if test='f.departmentId != null'> AND department_id = #{f.departmentId}</if>"
            + "<if test='f.from != null'> AND decided_at &gt;= #{f.from}</if>"
            + "<if test='f.to != null'> AND decided_at &lt; #{f.to}</if>"
            + "<if test='f.partyLike != null'> AND status = 'published' AND party_name LIKE #{f.partyLike} ESCAPE '!'</if>"
            + "</where>";

    @Insert("INSERT INTO sl_publication (public_id, business_key, case_number, category, kind, kind_name, department_id, "
            + "acting_body, handler_id, decided_at, period_days, due_at, status, withheld_reason, party_type, party_name, "
            + "party_code, party_address, party_phone, party_id_number, document_no, matter, decision_result, "
            + "legal_basis, masking_version, masked_items, revision, created_at, updated_at) VALUES (#{p.publicId}, #{p.businessKey}, #{p.caseNumber}, #{p.category}, #{p.kind}, "
            + "#{p.kindName}, #{p.departmentId}, #{p.actingBody}, #{p.handlerId}, #{p.decidedAt}, #{p.periodDays}, "
            + "#{p.dueAt}, #{p.status}, #{p.withheldReason}, #{p.partyType}, #{p.partyName}, #{p.partyCode}, "
            + "#{p.partyAddress}, #{p.partyPhone}, #{p.partyIdNumber}, #{p.documentNo}, #{p.matter}, #{p.decisionResult}, #{p.legalBasis}, #{p.maskingVersion}, "
            + "#{p.maskedItems}, #{p.revision}, #{p.createdAt}, #{p.updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "p.id", keyColumn = "id")
    void insert(@Param("p") PublicationRow row);

    @Select("SELECT " + COLUMNS + " FROM sl_publication WHERE id = #{id}")
    PublicationRow find(long id);

    @Select("SELECT " + COLUMNS + " FROM sl_publication WHERE public_id = #{publicId}")
    PublicationRow findByPublicId(String publicId);

    /** The latest publication of a case (by business key or displayed case number) that can still be withdrawn. */
    @Select("SELECT " + COLUMNS + " FROM sl_publication WHERE (business_key = #{ref} OR case_number = #{ref}) "
            + "AND status IN ('pending', 'published') ORDER BY id DESC")
    List<PublicationRow> findOpenByCase(String ref);

    @Update("UPDATE sl_publication SET review_instance_id = #{instanceId}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'pending' AND review_instance_id IS NULL")
    int attachReview(@Param("id") long id, @Param("instanceId") String instanceId, @Param("now") Date now);

    @Update("UPDATE sl_publication SET status = 'published', matter = #{p.matter}, decision_result = #{p.decisionResult}, "
            + "legal_basis = #{p.legalBasis}, masked_items = #{p.maskedItems}, published_at = #{p.publishedAt}, "
            + "published_by = #{p.publishedBy}, updated_at = #{p.updatedAt} WHERE id = #{p.id} AND status = 'pending'")
    int publish(@Param("p") PublicationRow row);

    /** A deadline of the case moved (its year's holiday schedule was loaded after it was counted). */
    @Update("UPDATE sl_publication SET due_at = CASE WHEN status = 'pending' AND due_at = #{from} THEN #{to} ELSE due_at END, "
            + "withdrawal_due_at = CASE WHEN withdrawal_due_at = #{from} THEN #{to} ELSE withdrawal_due_at END "
            + "WHERE business_key = #{businessKey} AND ((status = 'pending' AND due_at = #{from}) OR withdrawal_due_at = #{from})")
    int moveDeadline(@Param("businessKey") String businessKey, @Param("from") Date from, @Param("to") Date to);

    @Update("UPDATE sl_publication SET status = #{status}, withheld_reason = #{reason}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'pending'")
    int closePending(@Param("id") long id, @Param("status") String status, @Param("reason") String reason,
                     @Param("now") Date now);

    @Update("UPDATE sl_publication SET revocation_kind = #{p.revocationKind}, revocation_basis = #{p.revocationBasis}, "
            + "revoked_on = #{p.revokedOn}, withdrawal_due_at = #{p.withdrawalDueAt}, "
            + "withdrawal_instance_id = #{p.withdrawalInstanceId}, updated_at = #{p.updatedAt} "
            + "WHERE id = #{p.id} AND status = 'published' AND withdrawal_instance_id IS NULL")
    int registerRevocation(@Param("p") PublicationRow row);

    @Update("UPDATE sl_publication SET status = 'withdrawn', withdrawn_at = #{now}, withdrawal_reason = #{reason}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'published'")
    int withdraw(@Param("id") long id, @Param("reason") String reason, @Param("now") Date now);

    @Update("UPDATE sl_publication SET party_name = #{p.partyName}, document_no = #{p.documentNo}, matter = #{p.matter}, "
            + "decision_result = #{p.decisionResult}, legal_basis = #{p.legalBasis}, masked_items = #{p.maskedItems}, "
            + "revision = #{p.revision}, updated_at = #{p.updatedAt} "
            + "WHERE id = #{p.id} AND status = 'published' AND revision = #{p.revision} - 1")
    int correct(@Param("p") PublicationRow row);

    // ------------------------------------------------------------------ public portal

    @Select("<script>SELECT " + COLUMNS + " FROM sl_publication " + PUBLIC_FILTER
            + " ORDER BY decided_at DESC, id DESC LIMIT #{limit} OFFSET #{offset}</script>")
    List<PublicationRow> searchPublic(@Param("f") PublicFilter filter, @Param("limit") int limit,
                                      @Param("offset") int offset);

    @Select("<script>SELECT COUNT(*) FROM sl_publication " + PUBLIC_FILTER + "</script>")
    long countPublic(@Param("f") PublicFilter filter);

    // ------------------------------------------------------------------ staff

    String STAFF_FILTER = "<where>"
            + "<if test='departmentId != null'> department_id = #{departmentId}</if>"
            + "<if test='status == \"overdue\"'> AND status = 'pending' AND due_at &lt; #{now}</if>"
            + "<if test='status == \"withdrawal-overdue\"'> AND status = 'published' AND withdrawal_due_at &lt; #{now}</if>"
            + "<if test='status != null and status != \"overdue\" and status != \"withdrawal-overdue\"'> AND status = #{status}</if>"
            + "</where>";

    @Select("<script>SELECT COUNT(*) FROM sl_publication " + STAFF_FILTER + "</script>")
    long countStaff(@Param("departmentId") String departmentId, @Param("status") String status, @Param("now") Date now);

    @Select("<script>SELECT " + COLUMNS + " FROM sl_publication " + STAFF_FILTER
            + " ORDER BY due_at, id LIMIT #{limit} OFFSET #{offset}</script>")
    List<PublicationRow> searchStaff(@Param("departmentId") String departmentId, @Param("status") String status,
                                     @Param("now") Date now, @Param("limit") int limit, @Param("offset") int offset);

    // ------------------------------------------------------------------ history

    @Insert("INSERT INTO sl_publication_event (publication_id, action, revision, actor, occurred_at, note, party_name, "
            + "document_no, matter, decision_result, legal_basis) VALUES (#{p.id}, #{action}, #{p.revision}, #{actor}, "
            + "#{at}, #{note}, #{p.partyName}, #{p.documentNo}, #{p.matter}, #{p.decisionResult}, #{p.legalBasis})")
    void insertEvent(@Param("p") PublicationRow row, @Param("action") String action, @Param("actor") String actor,
                     @Param("at") Date at, @Param("note") String note);

    @Select("SELECT id, publication_id, action, revision, actor, occurred_at, note, party_name, document_no, matter, "
            + "decision_result, legal_basis FROM sl_publication_event WHERE publication_id = #{id} ORDER BY id")
    List<PublicationEvent> events(long id);

    // ------------------------------------------------------------------ statistics

    @Select("SELECT " + COLUMNS + " FROM sl_publication WHERE decided_at >= #{from} AND decided_at < #{to}")
    List<PublicationRow> decidedBetween(@Param("from") Date from, @Param("to") Date to);
}
