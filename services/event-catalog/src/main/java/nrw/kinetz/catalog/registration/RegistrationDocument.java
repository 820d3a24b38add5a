package nrw.kinetz.catalog.registration;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person's registration for one offering: the personal data (name, e-mail, organisation; null once erased)
 * that never leaves this service, the status as last seen by this registration, and the mails still to send
 * ({@code mails}, the mail outbox: written in the same update as the change they tell about, removed once the
 * SMTP server took them). Whether a registration holds a seat or waits is decided on the offering document; the
 * status here catches up with it. {@code emailKey} (lower case) with {@code offeringId} is unique: one
 * registration per e-mail address and offering.
 */
@Document(RegistrationStore.COLLECTION)
public record RegistrationDocument(@Id String id, String offeringId, String emailKey, String name, String email,
        String organisation, String status, String registeredAt, String changedAt, boolean erased, List<PendingMail> mails) {

    static final String OFFERING_ID = "offeringId";
    static final String EMAIL_KEY = "emailKey";
    static final String STATUS = "status";
    static final String REGISTERED_AT = "registeredAt";
    static final String ERASED = "erased";
    static final String MAILS = "mails";

    /** A mail to send; its text is written when it is sent, from the registration and offering as they are then. */
    record PendingMail(String mailId, String kind) {
    }
}
