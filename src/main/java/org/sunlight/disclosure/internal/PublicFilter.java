package org.sunlight.disclosure.internal;

import java.util.Date;

/** A validated search of the public portal; partyLike is already a LIKE pattern with ! as escape character. */
record PublicFilter(String category, String departmentId, Date from, Date to, String partyLike) {
}
