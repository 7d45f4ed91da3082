package org.sunlight.disclosure.internal;

import java.util.Date;

/** A change of a publication (sl_publication_event), with the public text as it was after the change. */
record PublicationEvent(Long id, Long publicationId, String action, int revision, String actor, Date occurredAt,
                        String note, String partyName, String documentNo, String matter, String decisionResult,
                        String legalBasis) {

    static final String CREATED = "created";
    static final String WITHHELD = "withheld";
    static final String PUBLISHED = "published";
    static final String CORRECTED = "corrected";
    static final String REVOKED = "revoked";
    static final String WITHDRAWN = "withdrawn";
    static final String CANCELLED = "cancelled";
}
