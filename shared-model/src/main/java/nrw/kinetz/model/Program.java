package nrw.kinetz.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The funding programmes a KI tracks grants, measures and activities under (docs/architecture.md#code-lists). Some
 * programmes fund measures in blocks; a block is only meaningful together with its programme, so it is
 * checked here rather than as a free-standing code list.
 */
public enum Program {

    /** KOMM-IN NRW, 2005–2012: kept so that historical data can still be read and reported. */
    KOMM_IN("KOMM-IN NRW (Innovation in der kommunalen Integrationsarbeit)", true),
    KOMM_AN_I("KOMM-AN NRW Teil I", false),
    /** Local measures in the four blocks A–D; the KI passes the money on to local groups. */
    KOMM_AN_II("KOMM-AN NRW Teil II", false, Block.values()),
    KOMM_AN_III("KOMM-AN NRW Teil III (Integrationsagenturen)", false),
    KIM("Kommunales Integrationsmanagement (KIM)", false),
    GRIFFBEREIT("Griffbereit", false),
    RUCKSACK_KITA("Rucksack KiTa", false),
    RUCKSACK_SCHULE("Rucksack Schule", false),
    KI_GRUNDFOERDERUNG("Grundförderung der Kommunalen Integrationszentren", false);

    /** The blocks of KOMM-AN NRW Teil II. */
    public enum Block {
        A("Ankommenstreffpunkte"),
        B("Zusammenkommen, Orientierung und Begleitung"),
        C("Information und Gewinnung neuer Ehrenamtlicher"),
        D("Qualifizierung und Begleitung Ehrenamtlicher");

        private final String label;

        Block(String label) {
            this.label = label;
        }

        /** @return the German name shown to people */
        public String label() {
            return label;
        }
    }

    private final String label;
    private final boolean historical;
    private final Set<Block> blockSet;
    private final Set<String> blocks;

    Program(String label, boolean historical, Block... blocks) {
        this.label = label;
        this.historical = historical;
        this.blockSet = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(blocks)));
        Set<String> codes = new LinkedHashSet<>();
        for (Block block : blocks) {
            codes.add(block.name());
        }
        this.blocks = Collections.unmodifiableSet(codes);
    }

    /** @return the German name shown to people */
    public String label() {
        return label;
    }

    /**
     * @return {@code true} for a programme that has ended (KOMM-IN); its data stays readable, but a
     *         service may refuse new grants or activities under it
     */
    public boolean historical() {
        return historical;
    }

    /** @return the block codes of this programme in order ({@code A}–{@code D} for KOMM_AN_II), else empty */
    public Set<String> blocks() {
        return blocks;
    }

    /**
     * Reads the optional {@code block} that goes with this programme. No block is always fine, because
     * the block is optional even where blocks exist (e.g. the grant for KOMM-AN II as a whole).
     *
     * @param block a block code ({@code A}..{@code D}, lower case and blanks tolerated) or null/blank
     * @return the block, or empty when none was given
     * @throws InvalidValueException if a block is given to a programme without blocks, or is not one of
     *                               this programme's blocks
     */
    public Optional<Block> parseBlock(String block) {
        if (block == null || block.isBlank()) {
            return Optional.empty();
        }
        if (blockSet.isEmpty()) {
            throw new InvalidValueException("block " + InvalidValueException.quote(block) + " given, but " + name()
                    + " has no blocks; only " + withBlocks() + " has blocks", block);
        }
        String code = block.strip().toUpperCase(Locale.ROOT);
        for (Block candidate : blockSet) {
            if (candidate.name().equals(code)) {
                return Optional.of(candidate);
            }
        }
        throw new InvalidValueException(InvalidValueException.quote(block) + " is not a block of " + name()
                + "; allowed: " + String.join(", ", blocks), block);
    }

    /**
     * The check-only form of {@link #parseBlock(String)} for validating a request.
     *
     * @throws InvalidValueException as {@link #parseBlock(String)}
     */
    public void checkBlock(String block) {
        parseBlock(block);
    }

    /**
     * @param code the code, surrounding blanks and lower case tolerated
     * @throws InvalidValueException listing the allowed codes
     */
    @JsonCreator
    public static Program parse(String code) {
        return CodeLists.parse(Program.class, code, "a program");
    }

    private static String withBlocks() {
        return Arrays.stream(values()).filter(p -> !p.blockSet.isEmpty()).map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
