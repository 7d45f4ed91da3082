package org.sunlight.record.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * Makes the PDF's Chinese text copy and search as what it shows. CJK fonts draw a radical (U+2F8F ⾏, U+2EDA ⻚) and
 * the ideograph (U+884C 行, U+9875 页) with one glyph; PDFBox writes the lowest code point of a glyph into the
 * font's ToUnicode map, so readers would extract "⾏政" instead of "行政". This rewrites those maps: a radical or
 * compatibility ideograph becomes the unified ideograph that the font maps to the same glyph (the subset's codes are
 * the full font's glyph ids), or its NFKC form; every other character, e.g. full-width punctuation, stays.
 */
final class ToUnicodeRepair {

    private static final Pattern BLOCK = Pattern.compile("begin(bfchar|bfrange)(.*?)end\\1", Pattern.DOTALL);
    private static final Pattern HEX = Pattern.compile("<([0-9A-Fa-f]*)>|\\[|\\]");

    private ToUnicodeRepair() {
    }

    /** The full font's glyph → code points, for the font whose base name is given. */
    interface Glyphs {
        java.util.List<Integer> codePoints(String baseFont, int glyphId);
    }

    static byte[] repair(byte[] pdf, Glyphs glyphs) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Map<COSStream, Boolean> done = new IdentityHashMap<>();
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                if (resources == null) {
                    continue;
                }
                for (COSName name : resources.getFontNames()) {
                    COSBase font = resources.getCOSObject().getCOSDictionary(COSName.FONT).getDictionaryObject(name);
                    if (font instanceof COSDictionary dictionary
                            && dictionary.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream stream
                            && done.put(stream, Boolean.TRUE) == null) {
                        rewrite(stream, dictionary.getNameAsString(COSName.BASE_FONT), glyphs);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void rewrite(COSStream stream, String baseFont, Glyphs glyphs) throws IOException {
        String cmap;
        try (InputStream in = stream.createInputStream()) {
            cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        TreeMap<Integer, String> mappings = new TreeMap<>();
        int width = 4;
        Matcher block = BLOCK.matcher(cmap);
        int first = -1;
        int last = -1;
        while (block.find()) {
            if (first < 0) {
                first = cmap.lastIndexOf('\n', block.start()) + 1;
            }
            last = block.end();
            String[] tokens = tokens(block.group(2));
            if (block.group(1).equals("bfchar")) {
                for (int i = 0; i + 1 < tokens.length; i += 2) {
                    width = tokens[i].length();
                    mappings.put(Integer.parseInt(tokens[i], 16), utf16(tokens[i + 1]));
                }
            } else {
                int i = 0;
                while (i + 2 < tokens.length) {
                    int low = Integer.parseInt(tokens[i], 16);
                    int high = Integer.parseInt(tokens[i + 1], 16);
                    width = tokens[i].length();
                    if (tokens[i + 2].equals("[")) {
                        int j = i + 3;
                        for (int code = low; code <= high && !tokens[j].equals("]"); code++, j++) {
                            mappings.put(code, utf16(tokens[j]));
                        }
                        while (!tokens[j].equals("]")) {
                            j++;
                        }
                        i = j + 1;
                    } else {
                        String start = utf16(tokens[i + 2]);
                        for (int code = low; code <= high; code++) {
                            char[] chars = start.toCharArray();
                            chars[chars.length - 1] += (char) (code - low);
                            mappings.put(code, new String(chars));
                        }
                        i += 3;
                    }
                }
            }
        }
        if (first < 0) {
            return;
        }
        StringBuilder body = new StringBuilder();
        int count = 0;
        StringBuilder chunk = new StringBuilder();
        for (Map.Entry<Integer, String> mapping : mappings.entrySet()) {
            chunk.append('<').append(String.format("%0" + width + "X", mapping.getKey())).append("> <")
                    .append(hex(unify(mapping.getValue(), glyphs.codePoints(baseFont, mapping.getKey()))))
                    .append(">\n");
            if (++count == 100) {
                body.append(count).append(" beginbfchar\n").append(chunk).append("endbfchar\n");
                chunk.setLength(0);
                count = 0;
            }
        }
        if (count > 0) {
            body.append(count).append(" beginbfchar\n").append(chunk).append("endbfchar\n");
        }
        String rewritten = cmap.substring(0, first) + body + cmap.substring(last).replaceFirst("^\\s*\n", "");
        try (OutputStream out = stream.createOutputStream()) {
            out.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Radicals and compatibility ideographs become the unified ideograph they stand for; nothing else changes. */
    static String unify(String text, java.util.List<Integer> sameGlyph) {
        if (text.codePointCount(0, text.length()) != 1 || !radical(text.codePointAt(0))) {
            return text;
        }
        if (sameGlyph != null) {
            for (int cp : sameGlyph) {
                if (!radical(cp)) {
                    return new String(Character.toChars(cp));
                }
            }
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static boolean radical(int cp) {
        return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private static String[] tokens(String text) {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        Matcher m = HEX.matcher(text);
        while (m.find()) {
            tokens.add(m.group(1) != null ? m.group(1) : m.group());
        }
        return tokens.toArray(String[]::new);
    }

    private static String utf16(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, StandardCharsets.UTF_16BE);
    }

    private static String hex(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_16BE)) {
            out.append(String.format("%02X", b));
        }
        return out.toString();
    }
}
