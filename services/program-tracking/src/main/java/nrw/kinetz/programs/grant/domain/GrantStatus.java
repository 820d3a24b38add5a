package nrw.kinetz.programs.grant.domain;

/** Where an application stands: applied for, then approved (Zuwendungsbescheid) or rejected. */
public enum GrantStatus {
    APPLIED, APPROVED, REJECTED
}
