package org.sunlight.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunlight.e2e.Node;

/**
 * The designers' page ships bpmn-js (no CDN at run time) as a copy of the version e2e/package.json locks; the copy
 * must be that version's files, so that updating the lock and the copy go together.
 */
class DesignerPageAssetsTests {

    static final Path VENDOR = Path.of("src/main/resources/static/designer/vendor/bpmn-js");
    static final Path PACKAGE = Node.PACKAGE.resolve("node_modules/bpmn-js");

    @Test
    void theShippedViewerIsTheLockedBpmnJs() {
        assertThat(PACKAGE.resolve("package.json")).as("e2e/node_modules (npm ci in e2e/)").exists();
        for (String file : List.of("dist/bpmn-navigated-viewer.production.min.js", "dist/assets/bpmn-js.css",
                "dist/assets/diagram-js.css", "LICENSE")) {
            assertThat(VENDOR.resolve(Path.of(file).getFileName())).as(file).hasSameBinaryContentAs(PACKAGE.resolve(file));
        }
    }
}
