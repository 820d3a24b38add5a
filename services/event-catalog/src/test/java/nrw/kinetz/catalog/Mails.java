package nrw.kinetz.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reads the mails the catalog sent from the test SMTP server, decoded as a mail program shows them. */
public final class Mails {

    private Mails() {
    }

    /** The mails of {@code kind} (the X-KiNetz-Mail header) to {@code address}, oldest first. */
    public static List<MimeMessage> to(String address, String kind) {
        return TestMailServer.received().stream().filter(m -> recipient(m).equalsIgnoreCase(address)
                && kind.equals(header(m, "X-KiNetz-Mail"))).toList();
    }

    /** Waits until a mail of {@code kind} reached {@code address}; the last one. */
    public static MimeMessage await(String address, String kind) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !to(address, kind).isEmpty());
        List<MimeMessage> mails = to(address, kind);
        return mails.get(mails.size() - 1);
    }

    public static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof String text) {
                return text;
            }
            return text((Multipart) content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The .ics attachment, if any. */
    public static Optional<byte[]> calendar(MimeMessage mail) {
        try {
            if (!(mail.getContent() instanceof Multipart multipart)) {
                return Optional.empty();
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                    try (InputStream in = part.getInputStream()) {
                        return Optional.of(in.readAllBytes());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the first link in the mail that leads to {@code action} ("bestaetigen" or "abmelden"). */
    public static String token(MimeMessage mail, String action) {
        Matcher link = Pattern.compile("/anmeldung/[0-9a-f-]+/" + action + "\\?t=([A-Za-z0-9_-]+)").matcher(text(mail));
        if (!link.find()) {
            throw new AssertionError("no " + action + " link in: " + text(mail));
        }
        return link.group(1);
    }

    private static String text(Multipart multipart) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object content = multipart.getBodyPart(i).getContent();
            if (content instanceof Multipart nested) {
                text.append(text(nested));
            } else if (content instanceof String part && multipart.getBodyPart(i).isMimeType("text/plain")) {
                text.append(part);
            }
        }
        return text.toString();
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage mail, String name) {
        try {
            String[] values = mail.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
