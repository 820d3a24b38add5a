package nrw.kinetz.model.site;

import java.util.Objects;

/**
 * The office address of a KI.
 *
 * @param street     street and house number, e.g. "Hoher Weg 1-3"
 * @param postalCode the five-digit German postal code, as text because of leading zeros
 * @param city       the city
 */
public record PostalAddress(String street, String postalCode, String city) {

    public PostalAddress {
        Objects.requireNonNull(street, "street");
        Objects.requireNonNull(postalCode, "postalCode");
        Objects.requireNonNull(city, "city");
    }
}
