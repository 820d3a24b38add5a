package nrw.kinetz.model.site;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.Program;

/**
 * One line of a KI's staffing plan: posts of one kind, their size in full-time equivalents and who pays.
 *
 * @param kind     the kind of post
 * @param title    what the post is called locally; needed for {@link PostKind#SONSTIGE}, optional otherwise
 * @param fte      full-time equivalents, a decimal with at most two places (0.5 is common), above 0
 * @param fundedBy who pays for the post
 * @param program  the programme that pays, present exactly when {@code fundedBy} is {@link FundingSource#PROGRAM}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaffPost(PostKind kind, String title, BigDecimal fte, FundingSource fundedBy, Program program) {

    public StaffPost {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fte, "fte");
        Objects.requireNonNull(fundedBy, "fundedBy");
    }
}
