package nrw.kinetz.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The kinds of posts in a KI's staffing plan (docs/architecture.md#domain). The state's original plan is 2 teachers,
 * 2 social-pedagogical / social-science posts, 1 administrative and 0.5 technical-organisational post;
 * municipalities and programmes add posts of any kind.
 */
public enum PostKind {

    /** A teacher delegated by the school ministry. */
    LEHRKRAFT("Lehrkraft"),
    SOZIALPAEDAGOGISCHE_FACHKRAFT("Sozialpädagogische / sozialwissenschaftliche Fachkraft"),
    VERWALTUNGSKRAFT("Verwaltungskraft"),
    TECHNISCH_ORGANISATORISCHE_KRAFT("Technisch-organisatorische Kraft"),
    /** Anything else, e.g. the coordination of a lay-interpreter pool; the post's title says what. */
    SONSTIGE("Sonstige");

    private final String label;

    PostKind(String label) {
        this.label = label;
    }

    /** @return the German name shown to people */
    public String label() {
        return label;
    }

    /**
     * @param code the code, surrounding blanks and lower case tolerated
     * @throws InvalidValueException listing the allowed codes
     */
    @JsonCreator
    public static PostKind parse(String code) {
        return CodeLists.parse(PostKind.class, code, "a post kind");
    }
}
