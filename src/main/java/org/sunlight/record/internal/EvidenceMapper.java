package org.sunlight.record.internal;

import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface EvidenceMapper {

    String COLUMNS = "id, business_key, chain_key, task_id, task_key, task_name, file_name, media_type, size_bytes, "
            + "sha256, captured_at, device_note, uploader_id, credential_no, uploaded_at";

    /** Returns the generated id through the holder (records are immutable). */
    @Insert("INSERT INTO sl_evidence (business_key, chain_key, task_id, task_key, task_name, file_name, media_type, "
            + "size_bytes, sha256, captured_at, device_note, uploader_id, credential_no, uploaded_at) VALUES "
            + "(#{e.businessKey}, #{e.chainKey}, #{e.taskId}, #{e.taskKey}, #{e.taskName}, #{e.fileName}, "
            + "#{e.mediaType}, #{e.sizeBytes}, #{e.sha256}, #{e.capturedAt}, #{e.deviceNote}, #{e.uploaderId}, "
            + "#{e.credentialNo}, #{e.uploadedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id.value", keyColumn = "id")
    void insert(@Param("e") EvidenceItem item, @Param("id") IdHolder id);

    @Select("SELECT " + COLUMNS + " FROM sl_evidence WHERE id = #{id}")
    EvidenceItem find(long id);

    @Select("SELECT " + COLUMNS + " FROM sl_evidence WHERE business_key = #{key} ORDER BY id")
    List<EvidenceItem> ofCase(String businessKey);

    @Select("SELECT " + COLUMNS + " FROM sl_evidence WHERE business_key = #{key} AND task_id = #{taskId} ORDER BY id")
    List<EvidenceItem> ofTask(@Param("key") String businessKey, @Param("taskId") String taskId);

    @Select("SELECT " + COLUMNS + " FROM sl_evidence WHERE sha256 = #{sha256} ORDER BY id")
    List<EvidenceItem> withContent(String sha256);

    @Select("SELECT COUNT(*) FROM sl_evidence WHERE task_id = #{taskId} "
            + "AND (media_type LIKE 'audio/%' OR media_type LIKE 'video/%')")
    int countAudioVideo(String taskId);

    /** MyBatis writes the generated key here. */
    final class IdHolder {
        private Long value;

        public Long getValue() {
            return value;
        }

        public void setValue(Long value) {
            this.value = value;
        }
    }
}
