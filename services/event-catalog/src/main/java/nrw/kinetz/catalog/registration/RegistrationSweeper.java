package nrw.kinetz.catalog.registration;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nrw.kinetz.catalog.support.BackgroundTask;
import nrw.kinetz.infra.worker.BackgroundWorker;

/**
 * Every poll: brings registrations in line with their seats (promotions, interrupted confirmations), expires
 * registrations never confirmed in time and erases personal data of completed offerings after the retention
 * period; then lets the mail outbox send what that queued.
 */
@Component
@Order(1)
class RegistrationSweeper implements BackgroundTask {

    private final RegistrationService registrations;
    private final MailOutbox mails;
    private final Duration retention;
    private final BackgroundWorker worker = new BackgroundWorker("catalog-registration-sweeper", this::pass);

    RegistrationSweeper(RegistrationService registrations, MailOutbox mails,
            @Value("${kinetz.catalog.retention:180d}") Duration retention) {
        this.registrations = registrations;
        this.mails = mails;
        this.retention = retention;
    }

    private void pass() {
        registrations.catchUpWithSeats();
        registrations.sweep(retention);
        mails.wakeUp();
    }

    @Override
    public BackgroundWorker worker() {
        return worker;
    }
}
