package org.sunlight.record.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes of the chain, in one place because the server and the offline verifier (RecordZipVerifier, which runs
 * without Spring or a database) must compute them identically.
 */
public final class ChainHashes {

    /** The "previous hash" of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHashes() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Digest of a row: SHA-256 of its canonical JSON (UTF-8) as stored in the entry. */
    public static String rowDigest(String canonicalJson) {
        return sha256(canonicalJson.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Hash of an entry, binding it to its case, its place in the chain, the previous entry and the row's digest:
     * changing, removing or reordering any entry breaks every later hash and the head.
     */
    public static String entryHash(String chainKey, long seq, String previousHash, String table, String rowId,
                                   String rowDigest, long recordedMs) {
        String text = chainKey + '|' + seq + '|' + previousHash + '|' + table + '|' + rowId + '|' + rowDigest + '|'
                + recordedMs;
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
