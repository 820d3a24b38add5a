package nrw.kinetz.reporting.publication.adapter;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who publishes the open data and where questions about it go, {@code kinetz.opendata.*}: both appear in every
 * dataset of the DCAT-AP.de catalog, from which portals such as GovData show them to readers.
 *
 * <p>A placeholder address is refused at start-up rather than published: portals show the contact to everyone,
 * and one at a reserved domain ({@code .example}, {@code .invalid}, {@code .test}, {@code example.org} …) reaches
 * nobody.
 *
 * @param publisher    the publishing body's name ({@value #DEFAULT_PUBLISHER})
 * @param contactEmail where questions about the data go ({@value #DEFAULT_CONTACT_EMAIL}, the general mailbox of
 *                     the Bezirksregierung Arnsberg, whose department 37 the LaKI is)
 */
@ConfigurationProperties("kinetz.opendata")
public record OpenDataProperties(String publisher, String contactEmail) {

    public static final String DEFAULT_PUBLISHER = "Landesweite Koordinierungsstelle Kommunale Integrationszentren (LaKI)";
    public static final String DEFAULT_CONTACT_EMAIL = "poststelle@bra.nrw.de";

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@([^@\\s]+\\.[^@\\s.]+)");
    private static final Pattern RESERVED = Pattern.compile(
            "(.*\\.)?(example|invalid|test|localhost)|(.*\\.)?example\\.(com|net|org)");

    public OpenDataProperties {
        publisher = publisher == null || publisher.isBlank() ? DEFAULT_PUBLISHER : publisher.strip();
        contactEmail = contactEmail == null || contactEmail.isBlank() ? DEFAULT_CONTACT_EMAIL : contactEmail.strip();
        var address = ADDRESS.matcher(contactEmail);
        if (!address.matches()) {
            throw new IllegalArgumentException("kinetz.opendata.contact-email '" + contactEmail
                    + "' is not an e-mail address, e.g. " + DEFAULT_CONTACT_EMAIL);
        }
        if (RESERVED.matcher(address.group(1).toLowerCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("kinetz.opendata.contact-email '" + contactEmail
                    + "' is at a reserved domain that reaches nobody; name the mailbox readers should write to");
        }
    }
}
