package org.sunlight.procedure;

import java.util.Date;

/**
 * A deadline of a running case moved from one moment to another because the holiday schedule of its year was loaded
 * after it was counted (weekends only). The engine's timers, due dates and date variables have moved already; a module
 * that keeps a copy of such a deadline in its own tables moves it too. Published inside the load's transaction.
 */
public record DeadlineMoved(String businessKey, Date from, Date to) {
}
