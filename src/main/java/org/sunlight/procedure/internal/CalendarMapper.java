package org.sunlight.procedure.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CalendarMapper {

    @Select("SELECT cal_year AS \"year\", source AS \"source\", loaded_at AS \"loadedAt\", loaded_by AS \"loadedBy\" "
            + "FROM sl_calendar_year ORDER BY cal_year")
    List<Map<String, Object>> years();

    @Select("SELECT source FROM sl_calendar_year WHERE cal_year = #{year}")
    String source(int year);

    @Select("SELECT cal_date FROM sl_calendar_day WHERE cal_year = #{year} AND kind = #{kind} ORDER BY cal_date")
    List<LocalDate> days(@Param("year") int year, @Param("kind") String kind);

    @Delete("DELETE FROM sl_calendar_day WHERE cal_year = #{year}")
    void deleteDays(int year);

    @Delete("DELETE FROM sl_calendar_year WHERE cal_year = #{year}")
    void deleteYear(int year);

    @Insert("INSERT INTO sl_calendar_year (cal_year, source, loaded_at, loaded_by) "
            + "VALUES (#{year}, #{source}, CURRENT_TIMESTAMP, #{by})")
    void insertYear(@Param("year") int year, @Param("source") String source, @Param("by") String by);

    @Insert("INSERT INTO sl_calendar_day (cal_date, cal_year, kind) VALUES (#{day}, #{year}, #{kind})")
    void insertDay(@Param("day") LocalDate day, @Param("year") int year, @Param("kind") String kind);

    @Select("SELECT MAX(loaded_at) FROM sl_calendar_year")
    java.sql.Timestamp lastChange();
}
