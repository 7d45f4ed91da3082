package org.sunlight.disclosure.internal;

import java.time.LocalDate;
import java.util.Date;

/** A row of sl_publication: the masked text of a decision and where it stands. Internal: never rendered as is. */
class PublicationRow {

    static final String PENDING = "pending";
    static final String PUBLISHED = "published";
    static final String WITHHELD = "withheld";
    static final String WITHDRAWN = "withdrawn";
    static final String CANCELLED = "cancelled";

    Long id;
    String publicId;
    String businessKey;
    String caseNumber;
    String category;
    String kind;
    String kindName;
    String departmentId;
    String actingBody;
    String handlerId;
    Date decidedAt;
    int periodDays;
    Date dueAt;
    String status;
    String withheldReason;
    String partyType;
    String partyName;
    String partyCode;
    /**
     * The party's stored address, telephone and identity number: never shown, only used to hide them wherever they
     * appear in the published texts (RULES 1.8; {@link MaskingRules.Party}).
     */
    String partyAddress;
    String partyPhone;
    String partyIdNumber;
    String documentNo;
    String matter;
    String decisionResult;
    String legalBasis;
    String maskingVersion;
    String maskedItems;
    int revision;
    String reviewInstanceId;
    Date publishedAt;
    String publishedBy;
    String revocationKind;
    String revocationBasis;
    LocalDate revokedOn;
    Date withdrawalDueAt;
    String withdrawalInstanceId;
    Date withdrawnAt;
    String withdrawalReason;
    Date createdAt;
    Date updatedAt;

    MaskingRules.Party party() {
        return new MaskingRules.Party(partyType, partyAddress, partyPhone, partyIdNumber);
    }

    boolean isPublic() {
        return PUBLISHED.equals(status) || WITHDRAWN.equals(status);
    }
}
