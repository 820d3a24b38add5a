package nrw.kinetz.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kinetz mails}: what the catalog sent to the devstack's SMTP server, newest last, with the links to click. */
@Command(name = "mails", description = "List the mails the event catalog sent (devstack SMTP server on port 2525), with their links.")
final class MailsCommand implements Callable<Integer> {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @Option(names = "--data-dir", description = "The devstack's data folder (default: .devstack in the repository).")
    Path dataDir;

    @Option(names = "--port-offset", defaultValue = "0", description = "As given to 'up'.")
    int portOffset;

    @Option(names = {"-n", "--last"}, defaultValue = "10", description = "How many of the newest mails to show (default 10).")
    int last;

    @Option(names = "--text", description = "Print each mail's whole text, not only its links.")
    boolean text;

    @Override
    public Integer call() throws IOException {
        DevstackLayout layout = DevstackLayout.of(dataDir, portOffset);
        if (!Files.isDirectory(layout.mailDir())) {
            System.out.println("No mails yet (" + layout.mailDir() + "). Start the devstack with ./kinetz up and register "
                    + "for an offering at http://localhost:" + layout.portOf(DevstackLayout.EVENT_CATALOG) + "/veranstaltungen");
            return 0;
        }
        List<Path> files;
        try (Stream<Path> all = Files.list(layout.mailDir())) {
            files = all.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
        print(files.subList(Math.max(0, files.size() - last), files.size()), text, System.out);
        System.out.println(files.size() + " mail(s) in " + layout.mailDir());
        return 0;
    }

    static void print(List<Path> files, boolean wholeText, PrintStream out) throws IOException {
        Session session = Session.getInstance(new Properties());
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage mail = new MimeMessage(session, in);
                out.println("── " + file.getFileName() + "  " + mail.getSentDate());
                out.println("   an:      " + String.join(", ", Stream.of(mail.getRecipients(Message.RecipientType.TO))
                        .map(Object::toString).toList()));
                out.println("   Betreff: " + mail.getSubject());
                String body = text(mail);
                if (wholeText) {
                    body.lines().forEach(line -> out.println("   " + line));
                } else {
                    Matcher link = LINK.matcher(body);
                    while (link.find()) {
                        out.println("   " + link.group());
                    }
                }
            } catch (MessagingException e) {
                out.println("── " + file.getFileName() + ": not readable (" + e.getMessage() + ")");
            }
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }
}
