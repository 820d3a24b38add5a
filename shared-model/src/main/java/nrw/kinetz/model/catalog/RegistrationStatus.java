package nrw.kinetz.model.catalog;

/**
 * Where a registration stands. {@code PENDING} until the person opens the confirmation link (it holds no
 * seat), then {@code CONFIRMED} (holds a seat) or {@code WAITLISTED}; {@code CANCELLED} by the person or the
 * organiser; {@code EXPIRED} when never confirmed in time. Only the states after confirmation travel in
 * events: a pending registration is nobody's business but the catalog's.
 */
public enum RegistrationStatus {

    PENDING, CONFIRMED, WAITLISTED, CANCELLED, EXPIRED
}
