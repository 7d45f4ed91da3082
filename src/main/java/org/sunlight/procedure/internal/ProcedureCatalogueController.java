package org.sunlight.procedure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;

/**
 * The procedure catalogue for staff (the designers' page /designer/index.html reads it): every procedure with its
 * elements, forms, decisions and cited sources, and its diagram as BPMN XML for the viewer.
 */
@RestController
@RequestMapping("/api/procedures")
class ProcedureCatalogueController {

    private final ProcedureCatalogue catalogue;

    ProcedureCatalogueController(ProcedureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<ProcedureCatalogue.Procedure> all() {
        return catalogue.procedures();
    }

    @GetMapping("/{key}")
    ProcedureCatalogue.Procedure one(@PathVariable String key) {
        return catalogue.procedure(key).orElseThrow(() -> notFound(key));
    }

    @GetMapping("/{key}/diagram")
    ResponseEntity<byte[]> diagram(@PathVariable String key) throws IOException {
        try (InputStream xml = catalogue.diagram(key).orElseThrow(() -> notFound(key))) {
            return ResponseEntity.ok().contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
                    .body(xml.readAllBytes());
        }
    }

    private static ApiException notFound(String key) {
        return ApiException.notFound("没有流程 " + key, "No procedure " + key);
    }
}
