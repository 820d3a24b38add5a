package nrw.kinetz.sites.site.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import nrw.kinetz.model.FundingSource;
import nrw.kinetz.model.PostKind;
import nrw.kinetz.model.site.StaffPost;

/**
 * The posts of a KI, each with its full-time equivalents and who pays for it. A plan is always set as a
 * whole, so it is checked as a whole.
 */
public final class StaffingPlan {

    /** No single line of a plan is larger: a bigger figure is a typo (55 for 5.5), not a KI. */
    public static final BigDecimal MAX_FTE = new BigDecimal("50");

    private static final int MAX_DECIMALS = 2;
    private static final int MAX_TITLE = 100;

    private static final StaffingPlan NONE = new StaffingPlan(List.of());

    /**
     * The state's original plan for every KI (docs/architecture.md#domain): 5.5 posts — 2 teachers from the school ministry,
     * 2 social-pedagogical / social-science posts, 1 administrative and 0.5 technical-organisational post.
     */
    private static final StaffingPlan DEFAULT = of(List.of(
            new StaffPost(PostKind.LEHRKRAFT, null, new BigDecimal("2.0"), FundingSource.STATE, null),
            new StaffPost(PostKind.SOZIALPAEDAGOGISCHE_FACHKRAFT, null, new BigDecimal("2.0"), FundingSource.STATE, null),
            new StaffPost(PostKind.VERWALTUNGSKRAFT, null, new BigDecimal("1.0"), FundingSource.STATE, null),
            new StaffPost(PostKind.TECHNISCH_ORGANISATORISCHE_KRAFT, null, new BigDecimal("0.5"), FundingSource.STATE, null)));

    private final List<StaffPost> posts;

    private StaffingPlan(List<StaffPost> posts) {
        this.posts = List.copyOf(posts);
    }

    public static StaffingPlan none() {
        return NONE;
    }

    public static StaffingPlan defaultPlan() {
        return DEFAULT;
    }

    /**
     * @throws SiteRuleViolation naming the first post that breaks a rule: FTE above 0 and at most 50 with at
     *                           most two decimals, a title for SONSTIGE, the programme exactly for
     *                           programme-funded posts
     */
    public static StaffingPlan of(List<StaffPost> posts) {
        List<StaffPost> normalised = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            normalised.add(checked(posts.get(i), "posts/" + i));
        }
        return new StaffingPlan(normalised);
    }

    /** @return the posts in the order they were given; unmodifiable */
    public List<StaffPost> posts() {
        return posts;
    }

    /** @return the sum of all posts' full-time equivalents, with one decimal at least (5.5, 6.0, 2.25) */
    public BigDecimal totalFte() {
        return normalise(posts.stream().map(StaffPost::fte).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static StaffPost checked(StaffPost post, String path) {
        BigDecimal fte = post.fte();
        if (fte.signum() <= 0) {
            throw new SiteRuleViolation(path + "/fte", "fte must be more than 0 full-time equivalents, was " + fte.toPlainString());
        }
        if (fte.compareTo(MAX_FTE) > 0) {
            throw new SiteRuleViolation(path + "/fte", "fte must be at most " + MAX_FTE + " full-time equivalents, was "
                    + fte.toPlainString());
        }
        if (fte.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new SiteRuleViolation(path + "/fte", "fte has at most two decimal places (e.g. 0.5 or 0.25), was "
                    + fte.toPlainString());
        }
        String title = post.title() == null || post.title().isBlank() ? null : post.title().strip();
        if (post.kind() == PostKind.SONSTIGE && title == null) {
            throw new SiteRuleViolation(path + "/title", "a post of kind SONSTIGE needs a title that says what it is");
        }
        if (title != null && title.length() > MAX_TITLE) {
            throw new SiteRuleViolation(path + "/title", "title has at most " + MAX_TITLE + " characters");
        }
        if (post.fundedBy() == FundingSource.PROGRAM && post.program() == null) {
            throw new SiteRuleViolation(path + "/program", "a post funded by a PROGRAM names the program, e.g. KOMM_AN_I");
        }
        if (post.fundedBy() != FundingSource.PROGRAM && post.program() != null) {
            throw new SiteRuleViolation(path + "/program", "program is given only for posts funded by a PROGRAM, "
                    + "this one is funded by " + post.fundedBy());
        }
        return new StaffPost(post.kind(), title, normalise(fte), post.fundedBy(), post.program());
    }

    /** One spelling per amount (2 and 2.00 are both 2.0), so that equal plans compare equal. */
    private static BigDecimal normalise(BigDecimal fte) {
        BigDecimal stripped = fte.stripTrailingZeros();
        return stripped.scale() < 1 ? stripped.setScale(1, RoundingMode.UNNECESSARY) : stripped;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffingPlan that && posts.equals(that.posts);
    }

    @Override
    public int hashCode() {
        return posts.hashCode();
    }

    @Override
    public String toString() {
        return posts.toString();
    }
}
