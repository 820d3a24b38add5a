package nrw.kinetz.programs.grant;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.kinetz.model.Money;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;

/**
 * The bodies of the grant commands. Amounts are {@link Money}: a string in euros with at most two decimals,
 * never negative, so a wrong amount is refused with a pointer to its field before anything is decided. The
 * block is read against its programme by the grant, which knows which blocks the programme has.
 */
final class GrantRequests {

    private GrantRequests() {
    }

    /** @param appliedOn the day of the application; today if absent */
    record Apply(@NotNull SiteId siteId, @NotNull Program program, @Size(max = 2) String block,
            @NotNull @Min(2000) @Max(2100) Integer budgetYear, @NotNull Money amountApplied, LocalDate appliedOn) {
    }

    /** @param decidedOn the day of the Zuwendungsbescheid; today if absent */
    record Approve(@NotNull Money amountGranted, LocalDate decidedOn) {
    }

    record Reject(@NotBlank @Size(max = 2000) String reason, LocalDate decidedOn) {
    }

    /** An Änderungsbescheid: the new amount granted and why. */
    record Amend(@NotNull Money amountGranted, @NotBlank @Size(max = 2000) String reason, LocalDate decidedOn) {
    }

    record Disburse(@NotNull Money amount, LocalDate disbursedOn) {
    }

    /** @param recipient the receiving organisation: an organisation's name, never a person's */
    record PassOn(@NotBlank @Size(max = 200) String recipient, @NotNull Money amount,
            @NotBlank @Size(max = 500) String purpose, LocalDate grantedOn) {
    }

    record SubmitProof(@NotBlank @Size(max = 20000) String narrative, @NotNull Money spent, @NotNull Money unspent) {
    }

    record ReturnProof(@NotBlank @Size(max = 2000) String reason) {
    }
}
