package nrw.kinetz.programs.grant.domain;

import java.time.LocalDate;

import nrw.kinetz.model.Money;

/**
 * One step in a grant's history: the application, the approval, a rejection or an amendment
 * (Änderungsbescheid). Amendments never overwrite an earlier decision; they are added.
 *
 * @param kind   what happened
 * @param amount the amount applied for or granted from then on, null for a rejection
 * @param on     the day
 * @param reason why (rejection, amendment), else null
 */
public record Decision(Kind kind, Money amount, LocalDate on, String reason) {

    public enum Kind {
        APPLIED, APPROVED, REJECTED, AMENDED
    }
}
