package nrw.kinetz.programs.grant.domain;

import java.time.LocalDate;
import java.util.UUID;

import nrw.kinetz.model.Money;

/** KOMM-AN II money a KI passed on to a local organisation (Weiterleitung). */
public record SubGrant(UUID id, String recipient, Money amount, String purpose, LocalDate on) {
}
