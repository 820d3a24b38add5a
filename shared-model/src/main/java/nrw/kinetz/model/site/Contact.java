package nrw.kinetz.model.site;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How to reach a KI: public office data, as printed on its website, never private contact data.
 *
 * @param office the office address
 * @param email  the office e-mail address
 * @param phone  the office phone number as people write it, e.g. "+49 2921 30-0"; may be absent
 * @param head   the name of the head of the KI; may be absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(PostalAddress office, String email, String phone, String head) {

    public Contact {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(email, "email");
    }
}
