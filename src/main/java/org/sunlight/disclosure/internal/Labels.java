package org.sunlight.disclosure.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Chinese names of Sunlight's codes as the public reads them. */
final class Labels {

    /** Enforcement categories (DESIGN.md "category" values; RULES 1.1). */
    static final Map<String, String> CATEGORIES = ordered(
            "licensing", "行政许可",
            "penalty", "行政处罚",
            "coercion", "行政强制",
            "collection", "行政征收",
            "inspection", "行政检查");

    static final Map<String, String> STATUSES = ordered(
            PublicationRow.PENDING, "待公示",
            PublicationRow.PUBLISHED, "已公示",
            PublicationRow.WITHHELD, "不予公开",
            PublicationRow.WITHDRAWN, "已撤回",
            PublicationRow.CANCELLED, "已停止公示");

    /** 行政处罚法第四十八条第二款: 变更、撤销、确认违法或者确认无效. */
    static final Map<String, String> REVOCATIONS = ordered(
            "changed", "变更",
            "revoked", "撤销",
            "confirmed-illegal", "确认违法",
            "confirmed-void", "确认无效");

    /** Grounds for not publishing (《政府信息公开条例》第十四条、第十五条). */
    static final Map<String, String> WITHHOLD_GROUNDS = ordered(
            "state-secret", "属于国家秘密或者法律、行政法规禁止公开的信息（《政府信息公开条例》第十四条）",
            "security", "公开后可能危及国家安全、公共安全、经济安全、社会稳定（《政府信息公开条例》第十四条）",
            "third-party", "涉及商业秘密、个人隐私，公开会对第三方合法权益造成损害（《政府信息公开条例》第十五条）");

    private Labels() {
    }

    static String category(String code) {
        return CATEGORIES.getOrDefault(code, code);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
