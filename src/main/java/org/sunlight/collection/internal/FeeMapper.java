package org.sunlight.collection.internal;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.sunlight.collection.FeeStatus;

@Mapper
interface FeeMapper {

    @Insert("INSERT INTO sl_fee_assessment (business_key, case_number, project_code, project_name, payer_name, "
            + "principal, surcharge, status, assessed_at) VALUES (#{key}, #{caseNumber}, #{projectCode}, #{projectName}, "
            + "#{payerName}, #{principal}, 0, 'assessed', #{at})")
    void insert(@Param("key") String businessKey, @Param("caseNumber") String caseNumber,
                @Param("projectCode") String projectCode, @Param("projectName") String projectName,
                @Param("payerName") String payerName, @Param("principal") BigDecimal principal, @Param("at") Date at);

    @Update("UPDATE sl_fee_assessment SET status = #{status}, surcharge = #{surcharge} WHERE business_key = #{key}")
    int status(@Param("key") String businessKey, @Param("status") String status, @Param("surcharge") BigDecimal surcharge);

    @Update("UPDATE sl_fee_assessment SET status = 'paid', surcharge = #{surcharge}, paid_at = #{at}, "
            + "paid_amount = #{amount} WHERE business_key = #{key}")
    int paid(@Param("key") String businessKey, @Param("surcharge") BigDecimal surcharge, @Param("at") Date at,
             @Param("amount") BigDecimal amount);

    @Select("SELECT business_key, case_number, principal, surcharge, status, assessed_at, paid_at "
            + "FROM sl_fee_assessment WHERE project_code = #{projectCode} ORDER BY assessed_at, business_key")
    List<FeeStatus.Assessment> byProject(String projectCode);
}
