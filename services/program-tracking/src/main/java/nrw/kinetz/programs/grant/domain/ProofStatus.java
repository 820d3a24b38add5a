package nrw.kinetz.programs.grant.domain;

/** Where a grant's Verwendungsnachweis stands; {@code OPEN} until the KI first submits it. */
public enum ProofStatus {
    OPEN, SUBMITTED, RETURNED, ACCEPTED
}
