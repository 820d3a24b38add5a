package nrw.kinetz.catalog.registration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ByteArrayResource;
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
import nrw.kinetz.infra.worker.BackgroundWorker;

/**
 * Sends the mails the registrations hold and takes each out once the SMTP server accepted it. When the server
 * is away the mails stay and go out on a later pass, so none is lost; a crash between sending and taking out
 * sends a mail twice, never not at all.
 */
@Component
class MailOutbox implements SmartLifecycle {

    private static final String NAME = "catalog-mail-outbox";
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private static final int BATCH = 200;

    private final RegistrationStore registrations;
    private final OfferingStore offerings;
    private final JavaMailSender sender;
    private final LinkSigner links;
    private final String publicUrl;
    private final String from;
    private final long confirmHours;
    private final Clock clock;

    private final Duration pollInterval;
    private final Duration stopTimeout;
    private final BackgroundWorker worker = new BackgroundWorker(NAME, this::pass);

    MailOutbox(RegistrationStore registrations, OfferingStore offerings, JavaMailSender sender, LinkSigner links,
            @Value("${kinetz.catalog.public-url}") String publicUrl, @Value("${kinetz.catalog.mail.from}") String from,
            @Value("${kinetz.catalog.registration.confirm-within:24h}") Duration confirmWithin,
            @Value("${kinetz.catalog.worker.poll-interval:2s}") Duration pollInterval,
            @Value("${kinetz.catalog.worker.stop-timeout:10s}") Duration stopTimeout, Clock clock) {
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
        this.registrations = registrations;
        this.offerings = offerings;
        this.sender = sender;
        this.links = links;
        this.publicUrl = publicUrl;
        this.from = from;
        this.confirmHours = confirmWithin.toHours();
        this.clock = clock;
    }

    /** Wakes the worker: a pass runs soon, not at the next poll; several wake-ups make one pass. */
    public void wakeUp() {
        worker.wakeUp();
    }

    private void pass() {
        while (true) {
            List<RegistrationDocument> batch = registrations.withMails(BATCH);
            if (batch.isEmpty()) {
                return;
            }
            for (RegistrationDocument registration : batch) {
                for (PendingMail mail : registration.mails()) {
                    if (!send(registration, mail)) {
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
    public void start() {
        worker.start(pollInterval);
    }

    /** Runs once more for what the last requests stored, bounded; what is left waits for the next start. */
    @Override
    public void stop() {
        if (!worker.stop(stopTimeout)) {
            LOG.warn("{} stopped with work left; the next start picks it up", NAME);
        }
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    /** Stops after the web server drained, so what the last requests stored is still sent. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
