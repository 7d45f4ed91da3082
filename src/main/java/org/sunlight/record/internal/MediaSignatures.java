package org.sunlight.record.internal;

import java.nio.charset.StandardCharsets;

/**
 * Whether the first bytes of a file are an audio or video container. The audio/video rule (国办发〔2018〕118号三(八))
 * is only as good as the check that an item declared audio/* or video/* is one: a renamed text file must not pass.
 * Covers the containers body cameras and recorders write (MP4/MOV/3GP/M4A, Matroska/WebM, AVI, WAV, MPEG-TS/PS,
 * FLV, ASF/WMV/WMA, Ogg, MP3, AAC/ADTS, AMR, FLAC).
 */
final class MediaSignatures {

    private MediaSignatures() {
    }

    static boolean isAudioOrVideo(byte[] b) {
        return at(b, 4, "ftyp")                                        // ISO base media: MP4, MOV, 3GP, M4A
                || starts(b, 0x1A, 0x45, 0xDF, 0xA3)                   // Matroska, WebM
                || (at(b, 0, "RIFF") && (at(b, 8, "AVI ") || at(b, 8, "WAVE")))
                || (b.length > 376 && b[0] == 0x47 && b[188] == 0x47 && b[376] == 0x47)  // MPEG-TS, 188-byte packets
                || starts(b, 0x00, 0x00, 0x01, 0xBA) || starts(b, 0x00, 0x00, 0x01, 0xB3)   // MPEG program stream
                || at(b, 0, "FLV")
                || starts(b, 0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11)  // ASF: WMV, WMA
                || at(b, 0, "OggS")
                || at(b, 0, "ID3")                                     // MP3 with ID3 tag
                || (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)  // MPEG audio / ADTS frame sync
                || at(b, 0, "#!AMR")
                || at(b, 0, "fLaC");
    }

    private static boolean at(byte[] bytes, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] bytes, int... expected) {
        if (bytes.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
