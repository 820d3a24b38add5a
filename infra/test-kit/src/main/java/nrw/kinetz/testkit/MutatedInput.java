package nrw.kinetz.testkit;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;

/**
 * Random and mutated request bodies from one seed, for the fault suite's bad-input tests: hostile field values, and
 * text mutations (cut, inserted syntax, duplicated or swapped parts, changed digits, wrapping) of a valid JSON,
 * NDJSON or CSV body. The seed is drawn anew for every run, so runs explore different inputs; it is in every
 * {@link #describe} so that a failure can be repeated with {@code -Dkinetz.random-input.seed=<seed>}.
 */
public final class MutatedInput {

    /** The system property that repeats a run: the seed a failure printed. */
    public static final String SEED_PROPERTY = "kinetz.random-input.seed";

    private static final List<String> HOSTILE_VALUES = List.of("", " ", "null", "-1", "0", "2147483648",
            "99999999999999999999999999", "1e309", "-0.0", "NaN", "12.5", "1,5", "2025-02-30", "0000-01-01", "9999-12-31",
            "\u0000", "\uFEFF", "😀", "Ä\u0308", "<script>alert(1)</script>", "'; DROP TABLE sites; --", "\"", "\\", "\\u00",
            "${jndi:ldap://127.0.0.1/x}", "=HYPERLINK(\"http://x\")", "\r\n", ";", ",", "[]", "{}", "a".repeat(5_000));

    private static final List<String> SYNTAX = List.of("{", "}", "[", "]", "\"", ",", ":", ";", "\n", "\r\n", "\u0000",
            "\uFEFF", "null", "-", "1e999", "\\", "\\u12", "\t", "\"\":", "{\"a\":", "]]]]", "\u00e9", "𝔘");

    private final long seed;
    private final Random random;

    private MutatedInput(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** From the seed in {@value #SEED_PROPERTY}, or a new random one. */
    public static MutatedInput seeded() {
        String given = System.getProperty(SEED_PROPERTY);
        return new MutatedInput(given != null && !given.isBlank() ? Long.parseLong(given.trim()) : new SecureRandom().nextLong());
    }

    public long seed() {
        return seed;
    }

    /** What to say in an assertion about {@code input}, so that the failure can be repeated. */
    public String describe(String input) {
        String shown = input.length() > 600 ? input.substring(0, 600) + "… (" + input.length() + " chars)" : input;
        return "random input, seed " + seed + " (repeat with -D" + SEED_PROPERTY + "=" + seed + "): " + shown;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A value a careless or hostile client might put into any field. */
    public String hostileValue() {
        return oneOf(HOSTILE_VALUES);
    }

    /** {@code text} with one to three mutations. */
    public String mutate(String text) {
        String mutated = text;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            mutated = mutateOnce(mutated);
        }
        return mutated;
    }

    private String mutateOnce(String text) {
        if (text.isEmpty()) {
            return oneOf(SYNTAX);
        }
        int at = random.nextInt(text.length());
        int length = 1 + random.nextInt(Math.min(20, text.length() - at));
        return switch (random.nextInt(9)) {
            case 0 -> text.substring(0, at) + text.substring(at + length);
            case 1 -> text.substring(0, at) + oneOf(SYNTAX) + text.substring(at);
            case 2 -> text.substring(0, at + length) + text.substring(at, at + length) + text.substring(at + length);
            case 3 -> text.substring(0, at);
            case 4 -> swap(text, at, random.nextInt(text.length()));
            case 5 -> changeDigit(text, at);
            case 6 -> text.substring(0, at) + hostileValue() + text.substring(at + length);
            case 7 -> random.nextBoolean() ? "[" + text + "]" : "{\"data\":" + text + "}";
            default -> text + text.substring(at);
        };
    }

    private static String swap(String text, int a, int b) {
        char[] chars = text.toCharArray();
        char kept = chars[a];
        chars[a] = chars[b];
        chars[b] = kept;
        return new String(chars);
    }

    /** The first digit from {@code at} on replaced by another: the text stays well-formed, a value or an id changes. */
    private String changeDigit(String text, int at) {
        for (int i = 0; i < text.length(); i++) {
            int index = (at + i) % text.length();
            if (Character.isDigit(text.charAt(index))) {
                return text.substring(0, index) + (char) ('0' + random.nextInt(10)) + text.substring(index + 1);
            }
        }
        return text;
    }
}
