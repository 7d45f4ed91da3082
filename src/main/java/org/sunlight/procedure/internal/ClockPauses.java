package org.sunlight.procedure.internal;

import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;
import org.sunlight.procedure.ClockPause;

/** Storage of clock pauses for {@link org.sunlight.procedure.CaseClocks}. */
@Component
public class ClockPauses {

    private final ClockPauseMapper mapper;

    ClockPauses(ClockPauseMapper mapper) {
        this.mapper = mapper;
    }

    public void pause(String businessKey, String clock, String reason, Date at) {
        mapper.pause(businessKey, clock, reason, at);
    }

    public boolean resume(String businessKey, String clock, Date at) {
        return mapper.resume(businessKey, clock, at) > 0;
    }

    public List<ClockPause> pauses(String businessKey, String clock) {
        return mapper.pauses(businessKey, clock);
    }

    public List<ClockPause> allPauses(String businessKey) {
        return mapper.allPauses(businessKey);
    }
}
