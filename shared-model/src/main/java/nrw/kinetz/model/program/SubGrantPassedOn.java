package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * A KI passed KOMM_AN_II money on to a local organisation (Weiterleitung); the sum passed on never exceeds what was drawn
 * ({@code nrw.ki.program.sub-grant-passed-on.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param grantId the grant (Zuwendung); also in every later event about it
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param block the block (KOMM_AN_II only), absent for a grant of the programme as a whole
 * @param budgetYear the budget year (Haushaltsjahr) the grant is for
 * @param subGrantId this sub-grant
 * @param recipient the receiving organisation (an organisation, never a person)
 * @param amount the amount passed on
 * @param purpose what the money is for
 * @param grantedOn the day the sub-grant was made
 * @param totalPassedOn the sum of every sub-grant of the grant including this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubGrantPassedOn(UUID grantId, SiteId siteId, Program program, Program.Block block, int budgetYear,
        UUID subGrantId, String recipient, Money amount, String purpose, LocalDate grantedOn, Money totalPassedOn) {

    public SubGrantPassedOn {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(subGrantId, "subGrantId");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(grantedOn, "grantedOn");
        Objects.requireNonNull(totalPassedOn, "totalPassedOn");
    }
}
