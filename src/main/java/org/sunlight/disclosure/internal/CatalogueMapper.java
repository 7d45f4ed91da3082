package org.sunlight.disclosure.internal;

import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface CatalogueMapper {

    String ITEM = "code, name, category, legal_basis, acting_body, department_id, relief, sort_order";
    String GUIDE = "process_key, name, category, item_code, accepting_body, deciding_body, acceptance_conditions, steps, "
            + "statutory_limit, promised_limit, materials, fees, place, office_hours, contact, relief";

    @Select("<script>SELECT " + ITEM + " FROM sl_enforcement_item <where><if test='category != null'>category = #{category}"
            + "</if></where> ORDER BY sort_order, code</script>")
    List<EnforcementItem> items(@Param("category") String category);

    @Select("SELECT " + ITEM + " FROM sl_enforcement_item WHERE code = #{code}")
    EnforcementItem item(String code);

    @Insert("INSERT INTO sl_enforcement_item (" + ITEM + ", updated_at, updated_by) VALUES (#{i.code}, #{i.name}, "
            + "#{i.category}, #{i.legalBasis}, #{i.actingBody}, #{i.departmentId}, #{i.relief}, #{i.sortOrder}, "
            + "CURRENT_TIMESTAMP, #{by})")
    void insertItem(@Param("i") EnforcementItem item, @Param("by") String by);

    @Update("UPDATE sl_enforcement_item SET name = #{i.name}, category = #{i.category}, legal_basis = #{i.legalBasis}, "
            + "acting_body = #{i.actingBody}, department_id = #{i.departmentId}, relief = #{i.relief}, "
            + "sort_order = #{i.sortOrder}, updated_at = CURRENT_TIMESTAMP, updated_by = #{by} WHERE code = #{i.code}")
    int updateItem(@Param("i") EnforcementItem item, @Param("by") String by);

    @Delete("DELETE FROM sl_enforcement_item WHERE code = #{code}")
    int deleteItem(String code);

    @Select("SELECT " + GUIDE + " FROM sl_service_guide ORDER BY category, process_key")
    List<GuideRow> guides();

    @Select("SELECT " + GUIDE + " FROM sl_service_guide WHERE process_key = #{processKey}")
    GuideRow guide(String processKey);

    @Insert("INSERT INTO sl_service_guide (" + GUIDE + ", updated_at, updated_by) VALUES (#{g.processKey}, #{g.name}, "
            + "#{g.category}, #{g.itemCode}, #{g.acceptingBody}, #{g.decidingBody}, #{g.acceptanceConditions}, #{g.steps}, "
            + "#{g.statutoryLimit}, #{g.promisedLimit}, #{g.materials}, #{g.fees}, #{g.place}, #{g.officeHours}, "
            + "#{g.contact}, #{g.relief}, CURRENT_TIMESTAMP, #{by})")
    void insertGuide(@Param("g") GuideRow guide, @Param("by") String by);

    @Update("UPDATE sl_service_guide SET name = #{g.name}, category = #{g.category}, item_code = #{g.itemCode}, "
            + "accepting_body = #{g.acceptingBody}, deciding_body = #{g.decidingBody}, "
            + "acceptance_conditions = #{g.acceptanceConditions}, steps = #{g.steps}, "
            + "statutory_limit = #{g.statutoryLimit}, promised_limit = #{g.promisedLimit}, materials = #{g.materials}, "
            + "fees = #{g.fees}, place = #{g.place}, office_hours = #{g.officeHours}, contact = #{g.contact}, "
            + "relief = #{g.relief}, updated_at = CURRENT_TIMESTAMP, updated_by = #{by} WHERE process_key = #{g.processKey}")
    int updateGuide(@Param("g") GuideRow guide, @Param("by") String by);

    @Delete("DELETE FROM sl_service_guide WHERE process_key = #{processKey}")
    int deleteGuide(String processKey);

    /** A guide as stored: steps and materials one per line. */
    record GuideRow(String processKey, String name, String category, String itemCode, String acceptingBody,
                    String decidingBody, String acceptanceConditions, String steps, String statutoryLimit,
                    String promisedLimit, String materials, String fees, String place, String officeHours,
                    String contact, String relief) {
    }
}
