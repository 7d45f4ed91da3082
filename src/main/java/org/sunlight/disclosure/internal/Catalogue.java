package org.sunlight.disclosure.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Organization;

/** The catalogue published before enforcement (事前公开): enforcement items and service guides, kept by administrators. */
@Component
class Catalogue {

    private final CatalogueMapper mapper;
    private final Organization organization;

    Catalogue(CatalogueMapper mapper, Organization organization) {
        this.mapper = mapper;
        this.organization = organization;
    }

    List<EnforcementItem> items(String category) {
        return mapper.items(category);
    }

    Optional<EnforcementItem> item(String code) {
        return Optional.ofNullable(mapper.item(code));
    }

    @Transactional
    EnforcementItem saveItem(EnforcementItem item, String by) {
        requireCategory(item.category());
        if (organization.department(item.departmentId()).isEmpty()) {
            throw ApiException.badRequest("unknown-department", "部门“" + item.departmentId() + "”不存在",
                    "Unknown department " + item.departmentId());
        }
        if (mapper.updateItem(item, by) == 0) {
            mapper.insertItem(item, by);
        }
        return mapper.item(item.code());
    }

    @Transactional
    void deleteItem(String code) {
        if (mapper.deleteItem(code) == 0) {
            throw ApiException.notFound("未找到执法事项 " + code, "No enforcement item " + code);
        }
    }

    List<ServiceGuide> guides() {
        return mapper.guides().stream().map(Catalogue::toGuide).toList();
    }

    Optional<ServiceGuide> guide(String processKey) {
        return Optional.ofNullable(mapper.guide(processKey)).map(Catalogue::toGuide);
    }

    @Transactional
    ServiceGuide saveGuide(ServiceGuide guide, String by) {
        requireCategory(guide.category());
        if (guide.itemCode() != null && !guide.itemCode().isBlank() && mapper.item(guide.itemCode()) == null) {
            throw ApiException.badRequest("unknown-item", "执法事项“" + guide.itemCode() + "”不存在",
                    "Unknown enforcement item " + guide.itemCode());
        }
        CatalogueMapper.GuideRow row = new CatalogueMapper.GuideRow(guide.processKey(), guide.name(), guide.category(),
                blankToNull(guide.itemCode()), guide.acceptingBody(), guide.decidingBody(), guide.acceptanceConditions(),
                lines(guide.steps()), guide.statutoryLimit(), guide.promisedLimit(), lines(guide.materials()),
                guide.fees(), guide.place(), blankToNull(guide.officeHours()), guide.contact(), guide.relief());
        if (mapper.updateGuide(row, by) == 0) {
            mapper.insertGuide(row, by);
        }
        return guide(guide.processKey()).orElseThrow();
    }

    @Transactional
    void deleteGuide(String processKey) {
        if (mapper.deleteGuide(processKey) == 0) {
            throw ApiException.notFound("未找到服务指南 " + processKey, "No service guide " + processKey);
        }
    }

    private static void requireCategory(String category) {
        if (!Labels.CATEGORIES.containsKey(category)) {
            throw ApiException.badRequest("invalid-category", "执法类别无效：" + category + "（应为 "
                    + String.join("、", Labels.CATEGORIES.keySet()) + "）", "Invalid category " + category);
        }
    }

    private static String lines(List<String> values) {
        if (values.stream().anyMatch(v -> v.contains("\n"))) {
            throw ApiException.badRequest("invalid-line", "办理步骤和申请材料每项一行，不能包含换行",
                    "Steps and materials are one line each");
        }
        return String.join("\n", values.stream().map(String::trim).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static ServiceGuide toGuide(CatalogueMapper.GuideRow row) {
        return new ServiceGuide(row.processKey(), row.name(), row.category(), row.itemCode(), row.acceptingBody(),
                row.decidingBody(), row.acceptanceConditions(), split(row.steps()), row.statutoryLimit(),
                row.promisedLimit(), split(row.materials()), row.fees(), row.place(), row.officeHours(), row.contact(),
                row.relief());
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
