package nrw.kinetz.catalog.registration;

/** The mails the catalog sends to people who register. */
enum MailKind {
    /** Please confirm with this link (double opt-in). */
    CONFIRM_REQUEST,
    /** You have a seat; the dates as .ics. */
    CONFIRMED,
    /** Every seat is taken; you are on the waiting list. */
    WAITLISTED,
    /** A seat freed up and it is yours; the dates as .ics. */
    PROMOTED,
    /** Your registration is cancelled. */
    CANCELLED
}
