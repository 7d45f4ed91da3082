package org.sunlight.procedure.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The legal sources a text cites, as designers read them in documentation and rule annotations: "行政处罚法第五十八条",
 * "《建设工程质量管理条例》第59条", "（第三十六条）" of the text's main law (the first it names), "国办发〔2018〕118号". Article
 * numbers are normalised to Chinese numerals (第57条 → 第五十七条) so that one article is listed once.
 */
final class Citations {

    record Citation(String source, String article) {
        String text() {
            return source + article;
        }
    }

    private static final Pattern ARTICLE = Pattern.compile("第([一二三四五六七八九十百零〇两0-9]+)条");
    /** A law's name ending just before an article: in book-title marks, or a run of Han characters ending like a law. */
    private static final Pattern LAW_BEFORE = Pattern.compile(
            "(?:《([^》]{2,40})》|([\\p{IsHan}]{2,30}(?:法|条例|规定|办法|规则|细则)))$");
    /** Words that end the sentence part before a law's name ("当事人违反…", "依据…"). */
    private static final Pattern LEAD = Pattern.compile(".*(?:违反|依据|依照|根据|按照|适用|参照|对照|执行)");
    /** A document number: 〔year〕n号 after its issuer's abbreviation (国办发, 京建法). */
    private static final Pattern DOCUMENT = Pattern.compile("〔\\d{4}〕\\d+号");
    /** Characters that end the sentence before an issuer's abbreviation ("见国办发…", "依京建法…"). */
    private static final String BEFORE_ISSUER = "见依按据照和及与的即或经、";
    private static final String DIGITS = "零一二三四五六七八九";

    private Citations() {
    }

    static List<Citation> in(String text) {
        Set<Citation> found = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return List.of();
        }
        // an article without a law's name belongs to the text's main law, the first one it names
        String mainLaw = null;
        Matcher article = ARTICLE.matcher(text);
        while (article.find()) {
            String before = text.substring(Math.max(0, article.start() - 42), article.start());
            Matcher law = LAW_BEFORE.matcher(before);
            String named = law.find() ? (law.group(1) != null ? law.group(1) : trimLead(law.group(2))) : null;
            if (mainLaw == null) {
                mainLaw = named;
            }
            String source = named != null ? named : mainLaw;
            if (source != null) {
                found.add(new Citation(source, "第" + chinese(article.group(1)) + "条"));
            }
        }
        Matcher document = DOCUMENT.matcher(text);
        while (document.find()) {
            int start = document.start();
            while (start > 0 && document.start() - start < 4 && Character.UnicodeScript.of(text.codePointAt(start - 1))
                    == Character.UnicodeScript.HAN && BEFORE_ISSUER.indexOf(text.charAt(start - 1)) < 0) {
                start--;
            }
            if (start < document.start()) {
                found.add(new Citation(text.substring(start, document.end()), ""));
            }
        }
        return new ArrayList<>(found);
    }

    private static String trimLead(String name) {
        Matcher lead = LEAD.matcher(name);
        String trimmed = lead.lookingAt() && lead.end() < name.length() - 1 ? name.substring(lead.end()) : name;
        while (trimmed.length() > 2 && "依按及和或与的即".indexOf(trimmed.charAt(0)) >= 0) {
            trimmed = trimmed.substring(1);
        }
        return trimmed;
    }

    /** 57 → 五十七, 100 → 一百, 105 → 一百零五; Chinese numerals stay as they are. */
    static String chinese(String number) {
        if (!number.chars().allMatch(Character::isDigit)) {
            return number;
        }
        int n = Integer.parseInt(number);
        if (n <= 0 || n > 999) {
            return number;
        }
        StringBuilder s = new StringBuilder();
        int hundreds = n / 100;
        int tens = n / 10 % 10;
        int ones = n % 10;
        if (hundreds > 0) {
            s.append(DIGITS.charAt(hundreds)).append('百');
            if (tens == 0 && ones > 0) {
                s.append('零');
            }
        }
        if (tens > 0) {
            if (tens > 1 || hundreds > 0) {
                s.append(DIGITS.charAt(tens));
            }
            s.append('十');
        }
        if (ones > 0) {
            s.append(DIGITS.charAt(ones));
        }
        return s.toString();
    }
}
