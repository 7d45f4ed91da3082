package org.sunlight.disclosure.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.StatutoryClock;

/**
 * What the public may find among decisions: published ones and the notices of withdrawn ones, searched by category,
 * department, date and party (the portal and its JSON mirror share this). Parameters are checked: a wrong one is a
 * 400 with a Chinese message, never silently ignored or widened.
 */
@Component
class PublicDecisions {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    private static final Pattern PUBLIC_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A search as the portal's form sends it: every field may be empty. */
    record Search(String category, String department, String from, String to, String party, Integer page,
                  Integer size) {

        static Search empty() {
            return new Search(null, null, null, null, null, null, null);
        }
    }

    private final PublicationMapper mapper;
    private final Publications publications;
    private final Organization organization;
    private final StatutoryClock clock;

    PublicDecisions(PublicationMapper mapper, Publications publications, Organization organization,
                    StatutoryClock clock) {
        this.mapper = mapper;
        this.publications = publications;
        this.organization = organization;
        this.clock = clock;
    }

    PageOf<PublicDecision> search(Search search) {
        String category = blankToNull(search.category());
        if (category != null && !Labels.CATEGORIES.containsKey(category)) {
            throw ApiException.badRequest("invalid-category", "执法类别无效", "Invalid category");
        }
        String department = blankToNull(search.department());
        if (department != null && organization.department(department).isEmpty()) {
            throw ApiException.badRequest("invalid-department", "执法部门无效", "Invalid department");
        }
        LocalDate from = date(search.from(), "起始日期");
        LocalDate to = date(search.to(), "截止日期");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("invalid-range", "起始日期不能晚于截止日期", "from is after to");
        }
        String party = blankToNull(search.party());
        if (party != null && party.length() > 100) {
            throw ApiException.badRequest("invalid-party", "当事人名称最多100字", "party is longer than 100 characters");
        }
        // NUL and other control characters are in no party name (PartyChecks refuses them): a search with one was run
        // as is and its term echoed into the page, where the hostile-input rule is a clear 400
        if (party != null && party.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("invalid-party", "当事人名称不能含有控制字符",
                    "party must not contain control characters");
        }
        int page = search.page() == null ? 1 : search.page();
        int size = search.size() == null ? DEFAULT_SIZE : search.size();
        if (page < 1 || page > 10_000 || size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("invalid-page", "页码须为1至10000，每页条数须为1至" + MAX_SIZE,
                    "page must be 1..10000 and size 1.." + MAX_SIZE);
        }
        PublicFilter filter = new PublicFilter(category, department,
                from == null ? null : clock.startOfDay(from),
                to == null ? null : clock.startOfDay(to.plusDays(1)),
                party == null ? null : "%" + party.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        long total = mapper.countPublic(filter);
        List<PublicDecision> items = mapper.searchPublic(filter, size, (page - 1) * size).stream()
                .map(publications::view).toList();
        return PageOf.of(items, page, size, total);
    }

    /** A published or withdrawn decision by its public id; anything else does not exist for the public. */
    Optional<PublicDecision> find(String publicId) {
        if (publicId == null || !PUBLIC_ID.matcher(publicId).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(publications.view(mapper.findByPublicId(publicId)));
    }

    PublicDecision require(String publicId) {
        return find(publicId).orElseThrow(() -> ApiException.notFound("未找到该公示信息（可能尚未公开或编号有误）",
                "No such published decision"));
    }

    private static LocalDate date(String text, String label) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.getYear() < 1990 || day.getYear() > 2999) {
                throw new DateTimeException("out of range");
            }
            return day;
        } catch (DateTimeException e) {
            throw ApiException.badRequest("invalid-date", label + "格式应为 YYYY-MM-DD", "Dates are YYYY-MM-DD");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
