package org.sunlight.inspection.internal;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface InspectionMapper {

    String ITEM = "code, name, legal_basis, content, target_kinds, published, updated_at, updated_by";
    String ENTITY = "id, name, kind, risk_class, address, active, updated_at, updated_by";
    String CONFLICT = "user_id, entity_id, reason, declared_by, declared_at";
    String DRAW = "id, business_key, item_code, status, algorithm, commitment, seed, committed_at, inputs_json, "
            + "result_json, record_digest, drawn_at, pool_json";

    // ---- random-inspection list

    @Select("SELECT " + ITEM + " FROM sl_inspection_item ORDER BY code")
    List<InspectionItem> items();

    @Select("SELECT " + ITEM + " FROM sl_inspection_item WHERE code = #{code}")
    InspectionItem item(String code);

    @Insert("INSERT INTO sl_inspection_item (" + ITEM + ") VALUES (#{i.code}, #{i.name}, #{i.legalBasis}, #{i.content}, "
            + "#{i.targetKinds}, #{i.published}, #{i.updatedAt}, #{i.updatedBy})")
    void insertItem(@Param("i") InspectionItem item);

    @Update("UPDATE sl_inspection_item SET name = #{i.name}, legal_basis = #{i.legalBasis}, content = #{i.content}, "
            + "target_kinds = #{i.targetKinds}, published = #{i.published}, updated_at = #{i.updatedAt}, "
            + "updated_by = #{i.updatedBy} WHERE code = #{i.code}")
    int updateItem(@Param("i") InspectionItem item);

    // ---- registry of regulated entities

    @Select("SELECT " + ENTITY + " FROM sl_regulated_entity ORDER BY id")
    List<RegulatedEntity> entities();

    @Select("SELECT " + ENTITY + " FROM sl_regulated_entity WHERE id = #{id}")
    RegulatedEntity entity(String id);

    @Insert("INSERT INTO sl_regulated_entity (" + ENTITY + ") VALUES (#{e.id}, #{e.name}, #{e.kind}, #{e.riskClass}, "
            + "#{e.address}, #{e.active}, #{e.updatedAt}, #{e.updatedBy})")
    void insertEntity(@Param("e") RegulatedEntity entity);

    @Update("UPDATE sl_regulated_entity SET name = #{e.name}, kind = #{e.kind}, risk_class = #{e.riskClass}, "
            + "address = #{e.address}, active = #{e.active}, updated_at = #{e.updatedAt}, updated_by = #{e.updatedBy} "
            + "WHERE id = #{e.id}")
    int updateEntity(@Param("e") RegulatedEntity entity);

    // ---- conflicts of interest

    @Select("SELECT " + CONFLICT + " FROM sl_inspection_conflict ORDER BY user_id, entity_id")
    List<InspectionConflict> conflicts();

    @Select("SELECT " + CONFLICT + " FROM sl_inspection_conflict WHERE user_id = #{userId} ORDER BY entity_id")
    List<InspectionConflict> conflictsOf(String userId);

    @Select("SELECT " + CONFLICT + " FROM sl_inspection_conflict WHERE entity_id = #{entityId} ORDER BY user_id")
    List<InspectionConflict> conflictsFor(String entityId);

    @Select("SELECT COUNT(*) FROM sl_inspection_conflict WHERE user_id = #{userId} AND entity_id = #{entityId}")
    int conflictCount(@Param("userId") String userId, @Param("entityId") String entityId);

    @Insert("INSERT INTO sl_inspection_conflict (" + CONFLICT + ") VALUES (#{c.userId}, #{c.entityId}, #{c.reason}, "
            + "#{c.declaredBy}, #{c.declaredAt})")
    void insertConflict(@Param("c") InspectionConflict conflict);

    // ---- draws

    @Insert("INSERT INTO sl_inspection_draw (business_key, item_code, status, algorithm, commitment, seed, committed_at) "
            + "VALUES (#{key}, #{item}, 'committed', #{algorithm}, #{commitment}, #{seed}, #{at})")
    void insertDraw(@Param("key") String businessKey, @Param("item") String itemCode, @Param("algorithm") String algorithm,
                    @Param("commitment") String commitment, @Param("seed") String seed, @Param("at") Date at);

    @Select("SELECT MAX(id) FROM sl_inspection_draw WHERE business_key = #{key}")
    long lastDrawId(String businessKey);

    @Select("SELECT " + DRAW + " FROM sl_inspection_draw WHERE id = #{id}")
    DrawRecord draw(long id);

    @Update("UPDATE sl_inspection_draw SET status = 'withdrawn' WHERE business_key = #{key} AND status = 'committed'")
    int withdraw(String businessKey);

    @Update("UPDATE sl_inspection_draw SET status = 'drawn', inputs_json = #{inputs}, result_json = #{result}, "
            + "record_digest = #{digest}, drawn_at = #{at}, pool_json = #{pool} WHERE id = #{id} AND status = 'committed'")
    int recordDraw(@Param("id") long id, @Param("inputs") String inputs, @Param("result") String result,
                   @Param("digest") String digest, @Param("at") Date at, @Param("pool") String pool);
}
