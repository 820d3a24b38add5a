package nrw.kinetz.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) in the devstack's process, where the catalog sends its mails. It accepts every
 * address and delivers nowhere: each mail is written to {@code .devstack/mails/} as an {@code .eml} file, which
 * {@code kinetz mails} lists and any mail program opens.
 */
final class DevstackMailServer implements AutoCloseable {

    private final GreenMail server;
    private final Path mailDir;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "devstack-mails");
        thread.setDaemon(true);
        return thread;
    });
    private int written;
    /** Mails kept from earlier runs: new files are numbered after them. */
    private int offset;

    private DevstackMailServer(int port, Path mailDir) {
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.mailDir = mailDir;
    }

    static DevstackMailServer start(int port, Path mailDir) {
        DevstackMailServer mails = new DevstackMailServer(port, mailDir);
        try {
            Files.createDirectories(mailDir);
            try (var existing = Files.list(mailDir)) {
                mails.offset = (int) existing.count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mails.server.start();
        mails.writer.scheduleWithFixedDelay(mails::writeNew, 200, 200, TimeUnit.MILLISECONDS);
        return mails;
    }

    private synchronized void writeNew() {
        MimeMessage[] received = server.getReceivedMessages();
        for (; written < received.length; written++) {
            Path file = mailDir.resolve(String.format("%06d.eml", offset + written + 1));
            try (OutputStream out = Files.newOutputStream(file)) {
                received[written].writeTo(out);
            } catch (IOException | MessagingException e) {
                return; // tried again on the next tick
            }
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeNew();
        server.stop();
    }
}
