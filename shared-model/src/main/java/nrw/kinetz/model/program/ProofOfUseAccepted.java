package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * The LaKI accepted a Verwendungsnachweis; unspent money becomes a repayment claim
 * ({@code nrw.ki.program.proof-of-use-accepted.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param grantId the grant (Zuwendung); also in every later event about it
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param block the block (KOMM_AN_II only), absent for a grant of the programme as a whole
 * @param budgetYear the budget year (Haushaltsjahr) the grant is for
 * @param spent money spent as accepted
 * @param repaymentClaim what the KI has to pay back (0.00 if nothing)
 * @param acceptedOn the day
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProofOfUseAccepted(UUID grantId, SiteId siteId, Program program, Program.Block block, int budgetYear,
        Money spent, Money repaymentClaim, LocalDate acceptedOn) {

    public ProofOfUseAccepted {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(repaymentClaim, "repaymentClaim");
        Objects.requireNonNull(acceptedOn, "acceptedOn");
    }
}
