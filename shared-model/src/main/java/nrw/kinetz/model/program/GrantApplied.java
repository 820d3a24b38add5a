package nrw.kinetz.model.program;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * A KI applied for a grant (Antrag)
 * ({@code nrw.ki.program.grant-applied.v1} on {@code ki.programs.v1}, key and subject = site id,
 * {@code ce_source} = {@code /services/program-tracking}).
 *
 * @param grantId the grant (Zuwendung); also in every later event about it
 * @param siteId the KI; the Kafka key and ce_subject
 * @param program the programme
 * @param block the block (KOMM_AN_II only), absent for a grant of the programme as a whole
 * @param budgetYear the budget year (Haushaltsjahr) the grant is for
 * @param amountApplied the amount applied for, euros with two decimals
 * @param appliedOn the day of the application
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantApplied(UUID grantId, SiteId siteId, Program program, Program.Block block, int budgetYear,
        Money amountApplied, LocalDate appliedOn) {

    public GrantApplied {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(amountApplied, "amountApplied");
        Objects.requireNonNull(appliedOn, "appliedOn");
    }
}
