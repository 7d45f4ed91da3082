package org.sunlight.procedure.internal;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.sunlight.procedure.CaseInfo;

@Mapper
interface CaseMapper {

    String COLUMNS = "business_key, case_number, process_instance_id, process_key, category, department_id, handler_id, "
            + "party_name, party_type, status, started_at, ended_at";

    @Select("SELECT " + COLUMNS + " FROM sl_case WHERE business_key = #{businessKey}")
    CaseInfo find(String businessKey);

    @Select("SELECT " + COLUMNS + " FROM sl_case WHERE process_instance_id = #{id}")
    CaseInfo findByProcessInstance(String id);

    @Insert("INSERT INTO sl_case (" + COLUMNS + ") VALUES (#{c.businessKey}, #{c.caseNumber}, #{c.processInstanceId}, "
            + "#{c.processKey}, #{c.category}, #{c.departmentId}, #{c.handlerId}, #{c.partyName}, #{c.partyType}, "
            + "#{c.status}, #{c.startedAt}, #{c.endedAt})")
    void insert(@Param("c") CaseInfo info);

    @Update("UPDATE sl_case SET status = #{status}, ended_at = #{endedAt} WHERE process_instance_id = #{id}")
    int end(@Param("id") String processInstanceId, @Param("status") String status,
            @Param("endedAt") java.util.Date endedAt);

    @Update("UPDATE sl_case SET handler_id = #{handler} WHERE process_instance_id = #{id}")
    int updateHandler(@Param("id") String processInstanceId, @Param("handler") String handler);

    @Update("UPDATE sl_case SET party_name = #{name}, party_type = #{type} WHERE business_key = #{businessKey}")
    int updateParty(@Param("businessKey") String businessKey, @Param("name") String name, @Param("type") String type);

    @Update("UPDATE sl_case_sequence SET next_value = next_value + 1 WHERE prefix = #{prefix} AND seq_year = #{year}")
    int increment(@Param("prefix") String prefix, @Param("year") int year);

    /** A new year's counter: nothing issued yet (the first {@link #increment} makes it 1). */
    @Insert("INSERT INTO sl_case_sequence (prefix, seq_year, next_value) VALUES (#{prefix}, #{year}, 1)")
    void insertSequence(@Param("prefix") String prefix, @Param("year") int year);

    @Select("SELECT next_value - 1 FROM sl_case_sequence WHERE prefix = #{prefix} AND seq_year = #{year}")
    long current(@Param("prefix") String prefix, @Param("year") int year);

    @Insert("INSERT INTO sl_case_link (from_key, to_key, relation, created_at) VALUES (#{from}, #{to}, #{relation}, CURRENT_TIMESTAMP)")
    void insertLink(@Param("from") String from, @Param("to") String to, @Param("relation") String relation);

    @Select("SELECT from_key, to_key, relation FROM sl_case_link WHERE from_key = #{key} OR to_key = #{key} ORDER BY created_at")
    java.util.List<org.sunlight.procedure.CaseLink> links(String key);
}
