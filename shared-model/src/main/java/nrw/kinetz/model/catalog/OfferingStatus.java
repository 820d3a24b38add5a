package nrw.kinetz.model.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;

import nrw.kinetz.model.CodeLists;

/**
 * Where an offering stands: a {@code DRAFT} only its organiser sees, {@code PUBLISHED} (people register),
 * then {@code CANCELLED} or {@code COMPLETED}, both final.
 */
public enum OfferingStatus {

    DRAFT, PUBLISHED, CANCELLED, COMPLETED;

    /** @throws nrw.kinetz.model.InvalidValueException listing the allowed codes */
    @JsonCreator
    public static OfferingStatus parse(String code) {
        return CodeLists.parse(OfferingStatus.class, code, "an offering status");
    }
}
