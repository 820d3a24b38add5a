package nrw.kinetz.catalog.registration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nrw.kinetz.catalog.calendar.ICalendar;
import nrw.kinetz.catalog.offering.OfferingStore;
import nrw.kinetz.catalog.offering.StoredOffering;
import nrw.kinetz.catalog.registration.RegistrationDocument.PendingMail;
import nrw.kinetz.catalog.support.BackgroundTask;
import nrw.kinetz.infra.lease.Lease;
import nrw.kinetz.infra.mongo.MongoLease;
import nrw.kinetz.infra.worker.BackgroundWorker;

/**
 * Sends the mails the registrations hold and takes each out once the SMTP server accepted it. When the server
 * is away the mails stay and go out on a later pass, so none is lost; a crash between sending and taking out
 * sends a mail twice, never not at all. Sending cannot be taken back, so of several instances only the one
 * holding the lease {@value #LEASE} sends; another takes over when it has not renewed it for
 * {@link #LEASE_DURATION} (docs/operations.md#scale-out).
 */
@Component
@Order(2)
class MailOutbox implements BackgroundTask {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private static final int BATCH = 200;
    static final String LEASE = "catalog-mail-outbox";
    static final Duration LEASE_DURATION = Duration.ofSeconds(10);

    private final RegistrationStore registrations;
    private final OfferingStore offerings;
    private final JavaMailSender sender;
    private final LinkSigner links;
    private final String publicUrl;
    private final String from;
    private final long confirmHours;
    private final Clock clock;
    private final Lease lease;
    private final BackgroundWorker worker = new BackgroundWorker("catalog-mail-outbox", this::pass);

    MailOutbox(RegistrationStore registrations, OfferingStore offerings, JavaMailSender sender, LinkSigner links,
            @Value("${kinetz.catalog.public-url}") String publicUrl, @Value("${kinetz.catalog.mail.from}") String from,
            @Value("${kinetz.catalog.registration.confirm-within:24h}") Duration confirmWithin, Clock clock,
            MongoOperations mongo) {
        this.registrations = registrations;
        this.offerings = offerings;
        this.sender = sender;
        this.links = links;
        this.publicUrl = publicUrl;
        this.from = from;
        this.confirmHours = confirmWithin.toHours();
        this.clock = clock;
        this.lease = new MongoLease(mongo, LEASE, "event-catalog-" + UUID.randomUUID(), LEASE_DURATION, clock);
    }

    /** Wakes the worker: a pass runs soon, not at the next poll; several wake-ups make one pass. */
    public void wakeUp() {
        worker.wakeUp();
    }

    private void pass() {
        while (lease.acquire()) {
            List<RegistrationDocument> batch = registrations.withMails(BATCH);
            if (batch.isEmpty()) {
                return;
            }
            for (RegistrationDocument registration : batch) {
                for (PendingMail mail : registration.mails()) {
                    if (!lease.acquire() || !send(registration, mail)) {
                        return;
                    }
                    registrations.mailSent(registration.id(), mail.mailId());
                }
            }
        }
    }

    /** @return {@code false} if the SMTP server refused or was away: stop this pass, try again later */
    private boolean send(RegistrationDocument registration, PendingMail pending) {
        Optional<StoredOffering> offering = offerings.find(registration.offeringId());
        if (registration.email() == null || offering.isEmpty()) {
            return true; // erased meanwhile: nobody to write to
        }
        MailKind kind = MailKind.valueOf(pending.kind());
        CatalogMails.Mail mail = CatalogMails.compose(kind, registration, offering.get(),
                offering.get().seats().positionOf(registration.id()), confirmHours, publicUrl, links);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.withCalendar(), StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(registration.email());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            if (mail.withCalendar()) {
                byte[] ics = ICalendar.write(offering.get().offering().title(), List.of(offering.get()), publicUrl, clock.instant());
                helper.addAttachment("veranstaltung.ics", new ByteArrayResource(ics), ICalendar.MEDIA_TYPE + "; charset=UTF-8; method=PUBLISH");
            }
            message.setHeader("X-KiNetz-Mail", kind.name());
            sender.send(message);
            return true;
        } catch (MailException | MessagingException e) {
            LOG.warn("Mail {} of registration {} not sent, will retry: {}", kind, registration.id(), e.getMessage());
            return false;
        }
    }

    @Override
    public BackgroundWorker worker() {
        return worker;
    }

    /** Another instance may send at once, instead of after the lease expired. */
    @Override
    public void stopped() {
        lease.release();
    }
}
