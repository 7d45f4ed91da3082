package org.sunlight.procedure.internal;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ProvisionalDeadlineMapper {

    record Row(long id, String processInstanceId, String kind, LocalDate startDay, int amount, LocalDate resultDay,
               int firstYear, int lastYear) {
    }

    @Insert("INSERT INTO sl_provisional_deadline (process_instance_id, kind, start_day, amount, result_day, first_year, "
            + "last_year, created_at) VALUES (#{processInstanceId}, #{kind}, #{startDay}, #{amount}, #{resultDay}, "
            + "#{firstYear}, #{lastYear}, #{at})")
    void insert(@Param("processInstanceId") String processInstanceId, @Param("kind") String kind,
                @Param("startDay") LocalDate startDay, @Param("amount") int amount,
                @Param("resultDay") LocalDate resultDay, @Param("firstYear") int firstYear,
                @Param("lastYear") int lastYear, @Param("at") Date at);

    /** The computations that counted through the year, in the order they were made. */
    @Select("SELECT id, process_instance_id, kind, start_day, amount, result_day, first_year, last_year "
            + "FROM sl_provisional_deadline WHERE first_year <= #{year} AND last_year >= #{year} ORDER BY id")
    List<Row> touching(int year);

    @Update("UPDATE sl_provisional_deadline SET result_day = #{resultDay} WHERE id = #{id}")
    void moved(@Param("id") long id, @Param("resultDay") LocalDate resultDay);

    @Delete("DELETE FROM sl_provisional_deadline WHERE id = #{id}")
    void delete(long id);
}
