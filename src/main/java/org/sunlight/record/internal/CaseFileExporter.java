package org.sunlight.record.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The case file (案卷): a PDF in the standard order of the record (立案 → 调查 → 审查 → 决定 → 送达 → 执行) with a
 * table of contents and numbered pages, rendered by openhtmltopdf (HTML and CSS to PDF through PDFBox) with the Noto
 * Sans SC font that the ph-fonts-noto-sans-sc dependency ships (embedded, subset); and a ZIP with the JSON record,
 * the chain, the evidence files, the PDF and a manifest of SHA-256 hashes with the chain head, which
 * {@code org.sunlight.record.RecordZipVerifier} checks offline.
 */
@Component
class CaseFileExporter {

    static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String FONT_BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ObjectMapper json;
    private final EvidenceStore store;

    CaseFileExporter(ObjectMapper json, EvidenceStore store) {
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.store = store;
    }

    // ------------------------------------------------------------------ PDF

    byte[] pdf(RecordTimeline.Timeline timeline, ChainVerifier.Result verification) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> font(FONT), "Noto Sans SC", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> font(FONT_BOLD), "Noto Sans SC", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(html(timeline, verification), null);
        builder.toStream(out);
        builder.run();
        CmapLookup regularGlyphs = regular();
        CmapLookup boldGlyphs = bold();
        return ToUnicodeRepair.repair(out.toByteArray(), (baseFont, glyph) ->
                (baseFont != null && baseFont.contains("Bold") ? boldGlyphs : regularGlyphs).getCharCodes(glyph));
    }

    private volatile CmapLookup regular;
    private volatile CmapLookup bold;

    private CmapLookup regular() throws IOException {
        if (regular == null) {
            regular = cmap(FONT);
        }
        return regular;
    }

    private CmapLookup bold() throws IOException {
        if (bold == null) {
            bold = cmap(FONT_BOLD);
        }
        return bold;
    }

    private static CmapLookup cmap(String path) throws IOException {
        try (InputStream in = font(path)) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            return ttf.getUnicodeCmapLookup();
        }
    }

    private static InputStream font(String path) {
        InputStream in = CaseFileExporter.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("CJK font " + path + " missing (dependency ph-fonts-noto-sans-sc)");
        }
        return in;
    }

    String html(RecordTimeline.Timeline timeline, ChainVerifier.Result verification) {
        Map<String, Object> info = timeline.caseInfo();
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>")
                .append(e(info.get("caseNumber"))).append(" 案卷</title><style>")
                .append("@page { size: A4; margin: 22mm 18mm 20mm 18mm;")
                .append(" @bottom-center { content: '第 ' counter(page) ' 页 / 共 ' counter(pages) ' 页';")
                .append(" font-family: 'Noto Sans SC'; font-size: 9pt; color: #555; }")
                .append(" @top-right { content: '").append(e(info.get("caseNumber")))
                .append("'; font-family: 'Noto Sans SC'; font-size: 8pt; color: #777; } }")
                .append("body { font-family: 'Noto Sans SC'; font-size: 10pt; line-height: 1.5; }")
                .append("h1 { font-size: 22pt; text-align: center; margin-top: 60mm; }")
                .append("h2 { font-size: 14pt; border-bottom: 1px solid #333; page-break-before: always; }")
                .append("table { width: 100%; border-collapse: collapse; }")
                .append("td, th { border: 0.5pt solid #999; padding: 3pt; vertical-align: top; font-size: 9pt; }")
                .append("th { background: #eee; font-weight: bold; }")
                .append(".cover td { border: none; font-size: 12pt; padding: 4pt; }")
                .append(".toc a { color: #000; text-decoration: none; }")
                .append(".toc a::after { content: leader('.') target-counter(attr(href), page); }")
                .append(".toc li { list-style: none; margin: 4pt 0; }")
                .append(".mono { font-size: 7pt; word-break: break-all; }")
                .append("</style></head><body>");

        // cover
        h.append("<h1>行政执法案卷</h1><table class=\"cover\">");
        row(h, "案号", info.get("caseNumber"));
        row(h, "业务编号", info.get("businessKey"));
        row(h, "案件类别", categoryZh(String.valueOf(info.get("category"))));
        row(h, "当事人", info.get("partyName"));
        row(h, "承办部门", info.get("departmentName"));
        row(h, "承办人", info.get("handlerName"));
        row(h, "立案（启动）时间", time(info.get("startedAt")));
        row(h, "结案时间", info.get("endedAt") == null ? "办理中" : time(info.get("endedAt")));
        row(h, "导出时间", TIME.format(LocalDateTime.now(ZONE)));
        h.append("</table>");

        // contents
        List<String> stages = RecordTimeline.StageRules.ORDER;
        h.append("<h2 id=\"toc\">目录</h2><ul class=\"toc\">");
        int n = 1;
        for (String stage : stages) {
            h.append("<li><a href=\"#stage-").append(stage).append("\">").append(chineseNumber(n++)).append("、")
                    .append(RecordTimeline.StageRules.label(stage)).append("</a></li>");
        }
        h.append("<li><a href=\"#evidence\">").append(chineseNumber(n++)).append("、证据材料目录</a></li>");
        h.append("<li><a href=\"#links\">").append(chineseNumber(n++)).append("、关联案件</a></li>");
        h.append("<li><a href=\"#note\">").append(chineseNumber(n)).append("、卷内备考表（完整性校验）</a></li></ul>");

        // the record, stage by stage
        n = 1;
        for (String stage : stages) {
            h.append("<h2 id=\"stage-").append(stage).append("\">").append(chineseNumber(n++)).append("、")
                    .append(RecordTimeline.StageRules.label(stage)).append("</h2>");
            List<RecordTimeline.Item> items = timeline.items().stream().filter(i -> stage.equals(i.stage())).toList();
            if (items.isEmpty()) {
                h.append("<p>本环节无记录。</p>");
                continue;
            }
            h.append("<table><tr><th style=\"width:22%\">时间</th><th style=\"width:14%\">类别</th>")
                    .append("<th style=\"width:14%\">办理人</th><th>内容</th></tr>");
            for (RecordTimeline.Item item : items) {
                h.append("<tr><td>").append(e(time(item.time()))).append("</td><td>").append(e(item.kindZh()))
                        .append("</td><td>").append(e(item.userName())).append("</td><td>").append(e(item.title()))
                        .append(describe(item)).append("</td></tr>");
            }
            h.append("</table>");
        }

        // evidence list
        h.append("<h2 id=\"evidence\">").append(chineseNumber(n++)).append("、证据材料目录</h2>");
        if (timeline.evidence().isEmpty()) {
            h.append("<p>无。</p>");
        } else {
            h.append("<table><tr><th>编号</th><th>文件名</th><th>类型</th><th>采集时间</th><th>上传人 / 执法证号</th>")
                    .append("<th>所属环节</th><th>SHA-256</th></tr>");
            for (EvidenceItem item : timeline.evidence()) {
                h.append("<tr><td>").append(item.id()).append("</td><td>").append(e(item.fileName()))
                        .append("</td><td>").append(e(item.mediaType())).append("<br/>").append(item.sizeBytes())
                        .append(" 字节</td><td>").append(e(item.capturedAt().format(TIME))).append("</td><td>")
                        .append(e(item.uploaderId())).append(" / ").append(e(item.credentialNo())).append("</td><td>")
                        .append(e(item.taskName() == null ? "案件" : item.taskName())).append("</td><td class=\"mono\">")
                        .append(item.sha256()).append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2 id=\"links\">").append(chineseNumber(n++)).append("、关联案件</h2>");
        if (timeline.links().isEmpty()) {
            h.append("<p>无。</p>");
        } else {
            h.append("<table><tr><th>案号</th><th>业务编号</th><th>关系</th></tr>");
            for (Map<String, Object> link : timeline.links()) {
                h.append("<tr><td>").append(e(link.get("caseNumber"))).append("</td><td>").append(e(link.get("businessKey")))
                        .append("</td><td>").append(e(link.get("descriptionZh"))).append("（").append(e(link.get("relation")))
                        .append("）</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2 id=\"note\">").append(chineseNumber(n)).append("、卷内备考表（完整性校验）</h2><table class=\"cover\">");
        row(h, "哈希链", verification.chainKey());
        row(h, "链条记录数", verification.entries());
        row(h, "链头序号", verification.headSeq());
        h.append("<tr><td>链头哈希</td><td class=\"mono\">").append(e(verification.headHash())).append("</td></tr>");
        row(h, "导出时校验结果", verification.intact() ? "完整，未发现改动" : "发现改动："
                + verification.firstBroken().messageZh());
        h.append("</table><p>本案卷由系统依据执法全过程记录自动生成（《行政处罚法》第四十七条；国办发〔2018〕118号三）。")
                .append("链头哈希可另行留存，日后通过“全过程记录校验”或离线校验工具核对案卷未被改动。</p>");
        h.append("</body></html>");
        return h.toString();
    }

    private static String describe(RecordTimeline.Item item) {
        Map<String, Object> d = item.details();
        StringBuilder s = new StringBuilder();
        switch (item.kind()) {
            case "task" -> {
                s.append("<br/>创建 ").append(e(time(d.get("created"))));
                if (d.get("claimed") != null) {
                    s.append("；认领 ").append(e(time(d.get("claimed"))));
                }
                s.append("；完成 ").append(d.get("completed") == null ? "未完成" : e(time(d.get("completed"))));
                if (d.get("due") != null) {
                    s.append("；期限 ").append(e(time(d.get("due")))).append("（").append(e(d.get("timelinessZh")))
                            .append("）");
                }
                if (d.get("credentialNo") != null) {
                    s.append("；执法证 ").append(e(d.get("credentialNo")));
                }
            }
            case "form", "variables" -> {
                Object changes = d.get("changes");
                if (changes instanceof List<?> list) {
                    for (Object c : list) {
                        if (c instanceof Map<?, ?> change) {
                            // as the form showed it: the field's label, an option's label
                            Object label = change.get("label") != null ? change.get("label") : change.get("variable");
                            Object old = change.get("oldZh") != null ? change.get("oldZh") : change.get("old");
                            Object now = change.get("newZh") != null ? change.get("newZh") : change.get("new");
                            s.append("<br/>").append(e(label)).append("：")
                                    .append(old == null ? "（无）" : e(old)).append(" → ").append(e(now));
                        }
                    }
                }
            }
            case "decision" -> s.append("<br/>输入 ").append(e(pairs(d.get("inputs"), "clause")))
                    .append("<br/>输出 ").append(e(pairs(d.get("outputs"), "variable")));
            case "comment" -> s.append("<br/>").append(e(d.get("message")));
            case "evidence" -> s.append("<br/>SHA-256 <span class=\"mono\">").append(e(d.get("sha256")))
                    .append("</span>");
            case "operation" -> {
                Object properties = d.get("properties");
                if (properties instanceof List<?> list) {
                    for (Object p : list) {
                        if (p instanceof Map<?, ?> property) {
                            s.append("<br/>").append(e(property.get("property"))).append("：").append(e(property.get("old")))
                                    .append(" → ").append(e(property.get("new")));
                        }
                    }
                }
            }
            case "incident" -> s.append("<br/>").append(e(d.get("message")));
            default -> {
            }
        }
        return s.toString();
    }

    private static String pairs(Object list, String nameKey) {
        if (!(list instanceof List<?> items)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Object o : items) {
            if (o instanceof Map<?, ?> m) {
                parts.add(m.get(nameKey) + "=" + m.get("value"));
            }
        }
        return String.join("，", parts);
    }

    private static void row(StringBuilder h, String label, Object value) {
        h.append("<tr><td style=\"width:30%\">").append(e(label)).append("</td><td>").append(e(value))
                .append("</td></tr>");
    }

    private static String e(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }

    private static String time(Object value) {
        if (value instanceof Date date) {
            return TIME.format(LocalDateTime.ofInstant(date.toInstant(), ZONE));
        }
        return value == null ? "" : value.toString();
    }

    private static String categoryZh(String category) {
        return switch (category) {
            case "penalty" -> "行政处罚";
            case "licensing" -> "行政许可";
            case "coercion" -> "行政强制";
            case "collection" -> "行政征收";
            case "inspection" -> "行政检查";
            default -> category;
        };
    }

    private static String chineseNumber(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return n <= 10 ? digits[n] : "十" + digits[n - 10];
    }

    // ------------------------------------------------------------------ ZIP

    /**
     * Streams the ZIP: evidence files are copied (and hashed) straight from the store, never held in memory. The
     * manifest comes last, with the SHA-256 of every other entry and the chain head.
     */
    void zip(RecordTimeline.Timeline timeline, List<ChainEntry> chain, ChainVerifier.Result verification,
             byte[] pdf, OutputStream target) throws IOException {
        List<Map<String, Object>> files = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(target);
        entry(zip, "record.json", json.writeValueAsBytes(timeline), files);
        Map<String, Object> chainDocument = new LinkedHashMap<>();
        chainDocument.put("chainKey", verification.chainKey());
        chainDocument.put("headSeq", verification.headSeq());
        chainDocument.put("headHash", verification.headHash());
        chainDocument.put("entries", chain);
        entry(zip, "chain.json", json.writeValueAsBytes(chainDocument), files);
        entry(zip, "case-file.pdf", pdf, files);
        Set<String> written = new LinkedHashSet<>();
        for (EvidenceItem item : timeline.evidence()) {
            if (!written.add(item.sha256())) {
                continue;
            }
            String path = "evidence/" + item.sha256();
            zip.putNextEntry(new ZipEntry(path));
            MessageDigest digest = ChainHashes.sha256();
            long size = 0;
            String note = null;
            try (InputStream in = Files.newInputStream(store.path(item.sha256()))) {
                DigestOutputStream out = new DigestOutputStream(new NonClosing(zip), digest);
                size = in.transferTo(out);
            } catch (NoSuchFileException e) {
                note = "missing";
            }
            zip.closeEntry();
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", path);
            file.put("sha256", note == null ? HexFormat.of().formatHex(digest.digest()) : null);
            file.put("size", size);
            if (note != null) {
                file.put("note", "证据文件在导出时已缺失 / evidence file missing at export");
            }
            files.add(file);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", "sunlight-case-file/1");
        manifest.put("businessKey", timeline.caseInfo().get("businessKey"));
        manifest.put("caseNumber", timeline.caseInfo().get("caseNumber"));
        manifest.put("exportedAt", LocalDateTime.now(ZONE).toString());
        manifest.put("chainKey", verification.chainKey());
        manifest.put("headSeq", verification.headSeq());
        manifest.put("headHash", verification.headHash());
        manifest.put("intactAtExport", verification.intact());
        manifest.put("files", files);
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(json.writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes, List<Map<String, Object>> files)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", name);
        file.put("sha256", ChainHashes.sha256(bytes));
        file.put("size", bytes.length);
        files.add(file);
    }

    /** Lets a DigestOutputStream write into the current ZIP entry without closing the ZIP. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
