package org.sunlight.record.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evidence files addressed by content: {@code <store>/<first two hex digits>/<sha256>}. A file is streamed to a
 * temporary file in the store while it is hashed, then linked to its final name, which never replaces an existing
 * file; nothing is ever overwritten or deleted, and an upload that breaks off leaves nothing behind.
 */
@Component
class EvidenceStore {

    /** What was received: its hash, size, and whether the same content was already stored. */
    record Stored(String sha256, long size, boolean alreadyStored, byte[] head) {
    }

    /** The upload ended before its declared length, or exceeded the limit. */
    static class Incomplete extends IOException {
        final boolean tooLarge;

        Incomplete(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }
    }

    /** Decides, from the first bytes, whether the content may be kept (e.g. that a "video" is a video). */
    interface Admission {
        void check(byte[] head) throws IOException;
    }

    static final int HEAD_BYTES = 512;
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceStore.class);

    private final Path root;

    EvidenceStore(RecordProperties properties) {
        this.root = properties.getEvidenceStore().toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /**
     * Streams the content into the store.
     *
     * @param declaredLength the Content-Length, or -1 when unknown
     */
    Stored store(InputStream in, long declaredLength, long maxBytes, Admission admission) throws IOException {
        Path incoming = root.resolve("incoming");
        Files.createDirectories(incoming);
        Path temp = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest digest = ChainHashes.sha256();
            byte[] head = new byte[HEAD_BYTES];
            int headLength = 0;
            long total = 0;
            try (DigestInputStream hashing = new DigestInputStream(in, digest);
                 OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = hashing.read(buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw new Incomplete("larger than " + maxBytes + " bytes", true);
                    }
                    if (headLength < HEAD_BYTES) {
                        int take = Math.min(n, HEAD_BYTES - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (declaredLength >= 0 && total != declaredLength) {
                throw new Incomplete("received " + total + " of " + declaredLength + " bytes", false);
            }
            byte[] first = Arrays.copyOf(head, headLength);
            admission.check(first);
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path target = path(sha256);
            Files.createDirectories(target.getParent());
            boolean existed = !place(temp, target);
            return new Stored(sha256, total, existed, first);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Links the temporary file to its final name; false if that name exists already (never replaced). */
    private static boolean place(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            // file systems without hard links: a move without REPLACE_EXISTING refuses an existing target
            if (Files.exists(target)) {
                return false;
            }
            try {
                Files.move(temp, target);
            } catch (FileAlreadyExistsException exists) {
                return false;
            }
        }
        if (!target.toFile().setReadOnly()) {
            LOG.debug("Could not mark {} read-only", target);
        }
        return true;
    }

    /** The SHA-256 of the stored file as it is now, or empty if the file is gone. */
    Optional<String> currentHash(String sha256) throws IOException {
        Path file = path(sha256);
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = ChainHashes.sha256();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
