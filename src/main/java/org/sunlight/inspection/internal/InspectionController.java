package org.sunlight.inspection.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.StaffUser;

/**
 * 双随机、一公开 over HTTP: the published item list (anyone, 事前公开), the lists for staff, their maintenance for
 * administrators, declarations of conflicts of interest, and the verification of a draw (anyone).
 */
@RestController
class InspectionController {

    record ItemRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 1000) String legalBasis,
                       @NotBlank @Size(max = 2000) String content,
                       @NotEmpty List<@Pattern(regexp = "owner|contractor|supervision|testing") String> targetKinds,
                       @NotNull Boolean published) {
    }

    record EntityRequest(@NotBlank @Size(max = 200) String name,
                         @NotBlank @Pattern(regexp = "owner|contractor|supervision|testing") String kind,
                         @NotBlank @Pattern(regexp = "high|medium|low") String riskClass, @Size(max = 300) String address,
                         @NotNull Boolean active) {
    }

    record ConflictRequest(@Pattern(regexp = "[a-zA-Z0-9]{1,64}") String userId,
                           @NotBlank @Pattern(regexp = "[0-9A-Za-z]{18}") String entityId,
                           @NotBlank @Size(max = 500) String reason) {
    }

    private final InspectionCatalogue catalogue;
    private final InspectionDraws draws;

    InspectionController(InspectionCatalogue catalogue, InspectionDraws draws) {
        this.catalogue = catalogue;
        this.draws = draws;
    }

    /** 随机抽查事项清单 as published (国办发〔2018〕118号二(四): 事前公开). */
    @GetMapping("/api/public/inspection-items")
    List<Map<String, Object>> publishedItems() {
        return catalogue.publishedItems().stream().map(InspectionController::item).toList();
    }

    @GetMapping("/api/inspections/items")
    List<Map<String, Object>> items() {
        StaffUser.require();
        return catalogue.items().stream().map(InspectionController::item).toList();
    }

    @PutMapping("/api/admin/inspections/items/{code}")
    Map<String, Object> saveItem(@PathVariable String code,
                                 @Valid @RequestBody ItemRequest request) {
        if (!code.matches("[A-Za-z0-9-]{1,32}")) {
            throw org.sunlight.organization.ApiException.badRequest("invalid-code", "事项编码只能包含字母、数字和连字符",
                    "The item code may contain letters, digits and hyphens only");
        }
        return item(catalogue.saveItem(code, request.name(), request.legalBasis(), request.content(), request.targetKinds(),
                request.published(), StaffUser.require().userId()));
    }

    @GetMapping("/api/inspections/entities")
    List<Map<String, Object>> entities() {
        StaffUser.require();
        return catalogue.entities().stream().map(InspectionController::entity).toList();
    }

    @PutMapping("/api/admin/inspections/entities/{id}")
    Map<String, Object> saveEntity(@PathVariable String id, @Valid @RequestBody EntityRequest request) {
        return entity(catalogue.saveEntity(id, request.name(), request.kind(), request.riskClass(), request.address(),
                request.active(), StaffUser.require().userId()));
    }

    @GetMapping("/api/inspections/conflicts")
    List<InspectionConflict> conflicts() {
        return catalogue.conflicts(StaffUser.require());
    }

    @PostMapping("/api/inspections/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionConflict declare(@Valid @RequestBody ConflictRequest request) {
        return catalogue.declare(StaffUser.require(), request.userId(), request.entityId(), request.reason());
    }

    /** Anyone re-runs a draw from its record (DESIGN.md contract). */
    @GetMapping("/api/inspections/draws/{id}/verify")
    Map<String, Object> verify(@PathVariable long id) {
        return draws.verify(id);
    }

    private static Map<String, Object> item(InspectionItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code", item.code());
        map.put("name", item.name());
        map.put("legalBasis", item.legalBasis());
        map.put("content", item.content());
        map.put("targetKinds", item.kinds().stream().map(k -> Map.of("code", k, "name",
                RegulatedEntity.KINDS.getOrDefault(k, k))).toList());
        map.put("published", item.published());
        return map;
    }

    private static Map<String, Object> entity(RegulatedEntity entity) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", entity.id());
        map.put("name", entity.name());
        map.put("kind", entity.kind());
        map.put("kindName", RegulatedEntity.KINDS.get(entity.kind()));
        map.put("riskClass", entity.riskClass());
        map.put("riskClassName", RegulatedEntity.RISK_CLASSES.get(entity.riskClass()));
        map.put("address", entity.address());
        map.put("active", entity.active());
        return map;
    }
}
