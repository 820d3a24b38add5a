package nrw.kinetz.catalog.registration;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import nrw.kinetz.infra.worker.BackgroundWorker;

/**
 * Every poll: brings registrations in line with their seats (promotions, interrupted confirmations), expires
 * registrations never confirmed in time and erases personal data of completed offerings after the retention
 * period; then lets the mail outbox send what that queued.
 */
@Component
class RegistrationSweeper implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationSweeper.class);
    private static final String NAME = "catalog-registration-sweeper";

    private final RegistrationService registrations;
    private final MailOutbox mails;
    private final Duration retention;

    private final Duration pollInterval;
    private final Duration stopTimeout;
    private final BackgroundWorker worker = new BackgroundWorker(NAME, this::pass);

    RegistrationSweeper(RegistrationService registrations, MailOutbox mails,
            @Value("${kinetz.catalog.retention:180d}") Duration retention,
            @Value("${kinetz.catalog.worker.poll-interval:2s}") Duration pollInterval,
            @Value("${kinetz.catalog.worker.stop-timeout:10s}") Duration stopTimeout) {
        this.pollInterval = pollInterval;
        this.stopTimeout = stopTimeout;
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
