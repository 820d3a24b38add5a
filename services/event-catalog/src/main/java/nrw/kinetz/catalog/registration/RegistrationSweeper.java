package nrw.kinetz.catalog.registration;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nrw.kinetz.catalog.support.PeriodicWorker;

/**
 * Every poll: brings registrations in line with their seats (promotions, interrupted confirmations), expires
 * registrations never confirmed in time and erases personal data of completed offerings after the retention
 * period; then lets the mail outbox send what that queued.
 */
@Component
class RegistrationSweeper extends PeriodicWorker {

    private final RegistrationService registrations;
    private final MailOutbox mails;
    private final Duration retention;

    RegistrationSweeper(RegistrationService registrations, MailOutbox mails,
            @Value("${kinetz.catalog.retention:180d}") Duration retention,
            @Value("${kinetz.catalog.worker.poll-interval:2s}") Duration pollInterval,
            @Value("${kinetz.catalog.worker.stop-timeout:10s}") Duration stopTimeout) {
        super("catalog-registration-sweeper", pollInterval, stopTimeout);
        this.registrations = registrations;
        this.mails = mails;
        this.retention = retention;
    }

    @Override
    protected void pass() {
        registrations.catchUpWithSeats();
        registrations.sweep(retention);
        mails.wakeUp();
    }
}
