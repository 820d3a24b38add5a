package nrw.kinetz.intake.push;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * What the client says, in German when the locale is German and in English otherwise: {@code --lang}, else the
 * first of {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG} that is set (as POSIX programs choose). The texts are
 * {@link java.util.Formatter} patterns in {@code messages.properties} and {@code messages_de.properties}, which also
 * hold the German {@code --help}.
 */
final class Messages {

    static final String BUNDLE = "nrw.kinetz.intake.push.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static Messages in(Locale locale) {
        return new Messages(locale);
    }

    /** German or English: {@code lang} (from {@code --lang}) if given, otherwise the environment's locale. */
    static Locale choose(String lang, UnaryOperator<String> environment) {
        String chosen = lang;
        for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            if (chosen == null || chosen.isBlank()) {
                chosen = environment.apply(variable);
            }
        }
        return chosen != null && chosen.strip().toLowerCase(Locale.ROOT).startsWith("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    Locale locale() {
        return locale;
    }

    ResourceBundle bundle() {
        return bundle;
    }

    String text(String key, Object... arguments) {
        return String.format(locale, bundle.getString(key), arguments);
    }
}
