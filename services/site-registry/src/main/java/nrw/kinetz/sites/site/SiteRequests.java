package nrw.kinetz.sites.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.TerritoryKind;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.model.site.PostalAddress;
import nrw.kinetz.model.site.StaffPost;

/**
 * The bodies of the registry's commands. Code lists (status, post kind, focus area, …) are read by their
 * own parsers, so an unknown code is refused with the list of valid ones; the rules that depend on the site
 * (dates against its lifecycle, posts against their funding) are the site's.
 */
final class SiteRequests {

    private SiteRequests() {
    }

    /**
     * @param status      the step the site has reached; DECIDED if absent
     * @param statusSince the day it reached it; today if absent, never in the future
     */
    record RegisterSite(
            @NotNull SiteId siteId,
            @NotBlank @Size(max = 120) String name,
            @NotNull TerritoryKind territoryKind,
            @NotNull @Positive Long population,
            SiteStatus status,
            LocalDate statusSince) {
    }

    /** @param effectiveOn the day the step took effect; today if absent, back-dating allowed, never in the future */
    record ChangeStatus(@NotNull SiteStatus status, LocalDate effectiveOn) {
    }

    record ChangeStaffing(@NotNull @Size(max = 100) List<@NotNull @Valid Post> posts) {

        List<StaffPost> toPosts() {
            return posts.stream().map(Post::toStaffPost).toList();
        }
    }

    record Post(
            @NotNull PostKind kind,
            @Size(max = 100) String title,
            @NotNull
            @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 full-time equivalents")
            @DecimalMax(value = "50", message = "must be at most 50 full-time equivalents")
            @Digits(integer = 2, fraction = 2, message = "must have at most two decimal places, e.g. 0.5 or 0.25")
            BigDecimal fte,
            @NotNull FundingSource fundedBy,
            Program program) {

        StaffPost toStaffPost() {
            return new StaffPost(kind, title, fte, fundedBy, program);
        }
    }

    record ChangeFocusAreas(@NotNull @Size(max = 50) List<@NotNull FocusArea> focusAreas,
            @NotNull @Size(max = 50) List<@NotNull Program> programs) {
    }

    record ChangeContact(
            @NotNull @Valid Office office,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "[+0-9 ()/-]*", message = "must be a phone number: digits, blanks, + ( ) / -")
            String phone,
            @Size(max = 120) String head) {

        Contact toContact() {
            return new Contact(new PostalAddress(office.street().strip(), office.postalCode(), office.city().strip()),
                    email.strip(), blankToNull(phone), blankToNull(head));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    record Office(
            @NotBlank @Size(max = 120) String street,
            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a German postal code of 5 digits") String postalCode,
            @NotBlank @Size(max = 80) String city) {
    }
}
