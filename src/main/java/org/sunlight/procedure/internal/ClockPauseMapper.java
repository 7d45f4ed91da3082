package org.sunlight.procedure.internal;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.sunlight.procedure.ClockPause;

@Mapper
interface ClockPauseMapper {

    @Insert("INSERT INTO sl_clock_pause (business_key, clock_name, reason, paused_at) "
            + "VALUES (#{key}, #{clock}, #{reason}, #{at})")
    void pause(@Param("key") String businessKey, @Param("clock") String clock, @Param("reason") String reason,
               @Param("at") Date at);

    @Update("UPDATE sl_clock_pause SET resumed_at = #{at} WHERE business_key = #{key} AND clock_name = #{clock} "
            + "AND resumed_at IS NULL")
    int resume(@Param("key") String businessKey, @Param("clock") String clock, @Param("at") Date at);

    @Select("SELECT business_key, clock_name, reason, paused_at, resumed_at FROM sl_clock_pause "
            + "WHERE business_key = #{key} AND clock_name = #{clock} ORDER BY paused_at, id")
    List<ClockPause> pauses(@Param("key") String businessKey, @Param("clock") String clock);

    @Select("SELECT business_key, clock_name, reason, paused_at, resumed_at FROM sl_clock_pause "
            + "WHERE business_key = #{key} ORDER BY paused_at, id")
    List<ClockPause> allPauses(@Param("key") String businessKey);
}
