package org.sunlight.supervision.internal.scoring;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** /supervision/scores: the supervisors' page of case-file scores (static/supervision/scores/index.html). */
@Controller
class ScorePage {

    @GetMapping({"/supervision/scores", "/supervision/scores/"})
    String page() {
        return "forward:/supervision/scores/index.html";
    }
}
