package nrw.kinetz.programs.grant.domain;

import java.time.LocalDate;
import java.util.UUID;

import nrw.kinetz.model.Money;

/** Money a KI drew from its grant (Mittelabruf). */
public record Disbursement(UUID id, Money amount, LocalDate on) {
}
