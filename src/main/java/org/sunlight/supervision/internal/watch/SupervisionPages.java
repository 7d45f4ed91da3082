package org.sunlight.supervision.internal.watch;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervision pages are static; their short addresses lead to them. */
@Controller
class SupervisionPages {

    @GetMapping({"/supervision/watch", "/supervision/watch/"})
    String watch() {
        return "redirect:/supervision/watch/index.html";
    }

    @GetMapping({"/supervision/analytics", "/supervision/analytics/"})
    String analytics() {
        return "redirect:/supervision/analytics/index.html";
    }
}
