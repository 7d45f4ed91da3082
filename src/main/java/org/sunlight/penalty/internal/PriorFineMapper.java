package org.sunlight.penalty.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** sl_penalty_fine: the fines proposed and decided per party, violation and violation date (一事不二罚, V60). */
@Mapper
interface PriorFineMapper {

    /** Another case's fine for the same act: decided ones first, then the running ones, oldest first. */
    record PriorFine(String caseNumber, BigDecimal fineAmount, String status, LocalDate decisionDate) {
    }

    /** One lookup through sl_penalty_fine_act (party_id_number, violation_code, violation_date). */
    @Select("SELECT case_number, fine_amount, status, decision_date FROM sl_penalty_fine "
            + "WHERE party_id_number = #{partyIdNumber} AND violation_code = #{violationCode} "
            + "AND violation_date = #{violationDate} AND business_key <> #{businessKey} "
            + "ORDER BY status, decision_date, case_number LIMIT #{limit}")
    List<PriorFine> sameAct(@Param("businessKey") String businessKey, @Param("partyIdNumber") String partyIdNumber,
                            @Param("violationCode") String violationCode, @Param("violationDate") LocalDate violationDate,
                            @Param("limit") int limit);

    /** How many other cases fined the same act, when there are more than the notice lists. */
    @Select("SELECT COUNT(*) FROM sl_penalty_fine WHERE party_id_number = #{partyIdNumber} "
            + "AND violation_code = #{violationCode} AND violation_date = #{violationDate} AND business_key <> #{businessKey}")
    int countSameAct(@Param("businessKey") String businessKey, @Param("partyIdNumber") String partyIdNumber,
                     @Param("violationCode") String violationCode, @Param("violationDate") LocalDate violationDate);

    @Update("UPDATE sl_penalty_fine SET case_number = #{caseNumber}, party_id_number = #{partyIdNumber}, "
            + "violation_code = #{violationCode}, violation_date = #{violationDate}, fine_amount = #{fine}, "
            + "status = #{status}, decision_date = #{decisionDate}, updated_at = #{at} WHERE business_key = #{businessKey}")
    int update(@Param("businessKey") String businessKey, @Param("caseNumber") String caseNumber,
               @Param("partyIdNumber") String partyIdNumber, @Param("violationCode") String violationCode,
               @Param("violationDate") LocalDate violationDate, @Param("fine") BigDecimal fine,
               @Param("status") String status, @Param("decisionDate") LocalDate decisionDate, @Param("at") Date at);

    @Insert("INSERT INTO sl_penalty_fine (business_key, case_number, party_id_number, violation_code, violation_date, "
            + "fine_amount, status, decision_date, updated_at) VALUES (#{businessKey}, #{caseNumber}, #{partyIdNumber}, "
            + "#{violationCode}, #{violationDate}, #{fine}, #{status}, #{decisionDate}, #{at})")
    void insert(@Param("businessKey") String businessKey, @Param("caseNumber") String caseNumber,
                @Param("partyIdNumber") String partyIdNumber, @Param("violationCode") String violationCode,
                @Param("violationDate") LocalDate violationDate, @Param("fine") BigDecimal fine,
                @Param("status") String status, @Param("decisionDate") LocalDate decisionDate, @Param("at") Date at);

    @Delete("DELETE FROM sl_penalty_fine WHERE business_key = #{businessKey}")
    int delete(String businessKey);

    /** A cancelled case's proposal is no fine of the act; a decided fine stays (it was decided). */
    @Delete("DELETE FROM sl_penalty_fine WHERE business_key = #{businessKey} AND status = 'proposed'")
    int deleteProposed(String businessKey);
}
