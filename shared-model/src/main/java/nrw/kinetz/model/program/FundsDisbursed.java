package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * A KI drew money from its grant (Mittelabruf); the sum drawn never exceeds the amount granted
 * ({@code nrw.ki.program.funds-disbursed.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param grantId the grant (Zuwendung); also in every later event about it
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param block the block (KOMM_AN_II only), absent for a grant of the programme as a whole
 * @param budgetYear the budget year (Haushaltsjahr) the grant is for
 * @param disbursementId this disbursement
 * @param amount the amount drawn
 * @param disbursedOn the day
 * @param totalDisbursed the sum of every disbursement of the grant including this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FundsDisbursed(UUID grantId, SiteId siteId, Program program, Program.Block block, int budgetYear,
        UUID disbursementId, Money amount, LocalDate disbursedOn, Money totalDisbursed) {

    public FundsDisbursed {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(disbursementId, "disbursementId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(disbursedOn, "disbursedOn");
        Objects.requireNonNull(totalDisbursed, "totalDisbursed");
    }
}
