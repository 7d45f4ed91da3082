package org.sunlight.supervision.internal.analytics;

import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * CSV export of a table: UTF-8 with a byte order mark, so that Excel on a Chinese Windows opens it as UTF-8 instead of
 * GBK; RFC 4180 quoting; cells that a spreadsheet would run as a formula (=, +, -, @, a leading tab or carriage
 * return) are prefixed with a quote.
 */
public final class Csv {

    private static final Pattern ASCII_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    private Csv() {
    }

    /** A download named {@code fileName}, which is plain ASCII (letters, digits, {@code - _ .}). */
    public static ResponseEntity<byte[]> of(String fileName, List<String> header, List<List<Object>> rows) {
        return of(fileName, fileName, header, rows);
    }

    /**
     * A download named {@code fileName} (Chinese, say) for browsers that read RFC 5987's {@code filename*}, and
     * {@code asciiName} for those that do not. A header value must be Latin-1: Tomcat drops a Content-Disposition whose
     * {@code filename="..."} holds Chinese, and the file would be saved without its name.
     */
    public static ResponseEntity<byte[]> of(String asciiName, String fileName, List<String> header,
                                            List<List<Object>> rows) {
        if (!ASCII_NAME.matcher(asciiName).matches()) {
            throw new IllegalArgumentException("Not a plain ASCII file name: " + asciiName);
        }
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header.stream().map(h -> (Object) h).toList());
        rows.forEach(row -> line(out, row));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''"
                        + UriUtils.encode(fileName, StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text;
        if (value instanceof Date date) {
            SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
            format.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
            text = format.format(date);
        } else {
            text = value.toString();
        }
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
