package org.sunlight.disclosure.internal;

import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface StatisticsMapper {

    @Select("SELECT content FROM sl_disclosure_statistics WHERE stat_year = #{year}")
    String content(int year);

    @Select("SELECT stat_year FROM sl_disclosure_statistics ORDER BY stat_year DESC")
    List<Integer> years();

    @Insert("INSERT INTO sl_disclosure_statistics (stat_year, compiled_at, compiled_by, content) "
            + "VALUES (#{year}, #{at}, #{by}, #{content})")
    void insert(@Param("year") int year, @Param("at") Date at, @Param("by") String by, @Param("content") String content);

    @Update("UPDATE sl_disclosure_statistics SET compiled_at = #{at}, compiled_by = #{by}, content = #{content} "
            + "WHERE stat_year = #{year}")
    int update(@Param("year") int year, @Param("at") Date at, @Param("by") String by, @Param("content") String content);
}
