package nrw.kinetz.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) for the catalog's tests, on a free port, shared by every test context of the
 * JVM; the customizer points {@code spring.mail.*} at it. Tests read the mails from it and may stop and start
 * it to play an SMTP outage.
 */
public final class TestMailServer implements ContextCustomizerFactory {

    private static final int PORT = freePort();
    private static GreenMail server = started();

    public static synchronized GreenMail server() {
        return server;
    }

    /** The settings that point a service at this server, {@code name=value}, for contexts started by hand. */
    public static List<String> springSettings() {
        return List.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT);
    }

    /** Every mail received so far. */
    public static synchronized List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    public static synchronized void stop() {
        server.stop();
    }

    /** Starts a fresh server on the same port: the service finds it where it was. */
    public static synchronized void restart() {
        server.stop();
        server = started();
    }

    private static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new MailCustomizer();
    }

    /** Equal to every other instance, so contexts are cached across test classes as usual. */
    private static final class MailCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("catalogTestMail",
                    Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", PORT)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MailCustomizer;
        }

        @Override
        public int hashCode() {
            return MailCustomizer.class.hashCode();
        }
    }
}
