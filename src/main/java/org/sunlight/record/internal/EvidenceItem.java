package org.sunlight.record.internal;

import java.time.LocalDateTime;

/** Metadata of an evidence file (row of sl_evidence); the file itself is in the store under its SHA-256. */
public record EvidenceItem(Long id, String businessKey, String chainKey, String taskId, String taskKey,
                           String taskName, String fileName, String mediaType, long sizeBytes, String sha256,
                           LocalDateTime capturedAt, String deviceNote, String uploaderId, String credentialNo,
                           LocalDateTime uploadedAt) {

    public boolean isAudioOrVideo() {
        return mediaType.startsWith("audio/") || mediaType.startsWith("video/");
    }
}
