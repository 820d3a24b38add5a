package nrw.kinetz.infra.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of problem details — titles, details, the {@code errors[].detail} entries — in the caller's language:
 * German when {@code Accept-Language} prefers it, English otherwise.
 *
 * <p>The code writes its problems in English. Message bundles name each text once per language under one key:
 * the English bundle ({@code <basename>.properties}) holds the English text as a pattern, {@code {0}}, {@code {1}}
 * … standing for the parts that vary (an id, a value, a list), and {@code <basename>_de.properties} the German
 * text with the same placeholders. An English text that matches a pattern becomes the German one with the same
 * parts filled in; a part that is itself a known text is translated too. A text no pattern matches stays English,
 * so a new message is never lost, only untranslated until its bundle entry is written.
 *
 * <p>Bundles: {@value #SHARED_BUNDLE} in service-support (HTTP, security, the shared model's value types) and a
 * service's own {@value #SERVICE_BUNDLE} for its problems.
 */
public final class ProblemTexts {

    static final String SHARED_BUNDLE = "kinetz/problems";
    static final String SERVICE_BUNDLE = "problems";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    private static final int MAX_DEPTH = 3;
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.GERMAN);

    private static volatile ProblemTexts standard;

    /** One text in both languages. */
    private record Entry(String key, String template, Pattern english, List<Integer> placeholders, String german,
            int literalLength) {
    }

    private final List<Entry> entries;

    ProblemTexts(List<String> basenames) {
        List<Entry> all = new ArrayList<>();
        for (String basename : basenames) {
            Optional<ResourceBundle> english = bundle(basename, Locale.ROOT);
            Optional<ResourceBundle> german = bundle(basename, Locale.GERMAN);
            if (english.isEmpty()) {
                continue;
            }
            for (String key : english.get().keySet()) {
                String template = english.get().getString(key);
                String translation = german.filter(b -> b.containsKey(key)).map(b -> b.getString(key)).orElse(template);
                all.add(entry(key, template, translation));
            }
        }
        // The most specific text first; among equally specific ones the order of their keys, so that "join.colon"
        // ("column: problem") splits before "join.semicolon" (whose problems may contain a semicolon of their own).
        all.sort(Comparator.comparingInt(Entry::literalLength).reversed().thenComparing(Entry::key));
        this.entries = List.copyOf(all);
    }

    /** The bundles of service-support and of the service on the classpath; read once. */
    public static ProblemTexts standard() {
        ProblemTexts texts = standard;
        if (texts == null) {
            synchronized (ProblemTexts.class) {
                if (standard == null) {
                    standard = new ProblemTexts(List.of(SERVICE_BUNDLE, SHARED_BUNDLE));
                }
                texts = standard;
            }
        }
        return texts;
    }

    /**
     * The language of the answer: German when the {@code Accept-Language} header ranks it above English (or names
     * only German), English otherwise — also without the header, whatever the server's own locale.
     */
    public static Locale language(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SPOKEN);
            return chosen == null ? Locale.ENGLISH : chosen;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** {@code text} in {@code language}; itself when the language is not German or no pattern matches. */
    public String translate(String text, Locale language) {
        if (text == null || !Locale.GERMAN.getLanguage().equals(language.getLanguage())) {
            return text;
        }
        return german(text, 0);
    }

    /** The entries of an {@code errors} array in {@code language}; pointers and lines stay as they are. */
    public List<ProblemError> translate(List<ProblemError> errors, Locale language) {
        return errors.stream().map(error -> new ProblemError(error.pointer(), error.line(), translate(error.detail(), language)))
                .toList();
    }

    private String german(String text, int depth) {
        if (depth > MAX_DEPTH || text.isEmpty()) {
            return text;
        }
        for (Entry entry : entries) {
            Matcher matcher = entry.english().matcher(text);
            if (matcher.matches()) {
                return fill(entry, matcher, depth);
            }
        }
        return text;
    }

    private String fill(Entry entry, Matcher matcher, int depth) {
        String[] parts = new String[10];
        for (int group = 1; group <= matcher.groupCount(); group++) {
            parts[entry.placeholders().get(group - 1)] = german(matcher.group(group), depth + 1);
        }
        Matcher placeholder = PLACEHOLDER.matcher(entry.german());
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String part = parts[Integer.parseInt(placeholder.group(1))];
            placeholder.appendReplacement(out, Matcher.quoteReplacement(part == null ? placeholder.group() : part));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /**
     * The keys whose German text is missing or the same as the English one (tests keep this list empty); texts
     * that only join parts ({@code join.*}) are the same in both languages.
     */
    public List<String> keysWithoutGerman() {
        return entries.stream().filter(e -> e.german().equals(e.template()) && !e.key().startsWith("join."))
                .map(Entry::key).toList();
    }

    /** The keys whose German text has other placeholders than the English one. */
    public List<String> keysWithOtherPlaceholders() {
        return entries.stream().filter(e -> !placeholders(e.template()).equals(placeholders(e.german()))).map(Entry::key).toList();
    }

    List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }

    private static Set<String> placeholders(String template) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(template).results().forEach(r -> found.add(r.group()));
        return found;
    }

    private static Entry entry(String key, String english, String german) {
        StringBuilder regex = new StringBuilder();
        List<Integer> placeholders = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(english);
        int literal = 0;
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(english.substring(at, placeholder.start()))).append("(.+?)");
            literal += placeholder.start() - at;
            placeholders.add(Integer.parseInt(placeholder.group(1)));
            at = placeholder.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        literal += english.length() - at;
        return new Entry(key, english, Pattern.compile(regex.toString(), Pattern.DOTALL), placeholders, german, literal);
    }

    private static Optional<ResourceBundle> bundle(String basename, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(basename, locale, ProblemTexts.class.getClassLoader(), NO_FALLBACK));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
