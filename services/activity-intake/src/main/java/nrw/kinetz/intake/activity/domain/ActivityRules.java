package nrw.kinetz.intake.activity.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import nrw.kinetz.model.ActivityType;
import nrw.kinetz.model.Field;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.model.activity.ActivityMetrics;
import nrw.kinetz.model.activity.ActivityReported;
import nrw.kinetz.model.reference.KiSites;

/**
 * What the intake accepts as an activity report (docs/architecture.md#bad-input): every field is checked and every
 * problem is reported at once, so a clerk fixes a row in one go instead of one error per upload.
 */
public final class ActivityRules {

    /** How dates may be written: JSON uses ISO 8601 only, CSV also the German form a spreadsheet exports. */
    public enum DateStyle {
        ISO, ISO_OR_GERMAN
    }

    /** Before the first programme (KOMM-IN NRW, 2005) there is nothing the network counts. */
    static final LocalDate EARLIEST = LocalDate.of(2005, 1, 1);

    /** KOMM-IN NRW ended in 2012; later activities cannot belong to it. */
    static final LocalDate KOMM_IN_END = LocalDate.of(2012, 12, 31);

    /** A count above this is a typo far more often than a real activity; such a report is split or checked. */
    public static final int MAX_COUNT = 100_000;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> METRICS = List.of("participants", "volunteers", "sessions", "hours");

    private final Clock clock;

    public ActivityRules(Clock clock) {
        this.clock = clock;
    }

    public CheckedActivity check(RawActivity raw, DateStyle dates) {
        List<Violation> violations = new ArrayList<>(raw.earlier());
        Check check = new Check(raw, violations);

        UUID id = check.field("id", this::id);
        SiteId site = check.field("site", ActivityRules::site);
        LocalDate occurredOn = check.field("occurredOn", text -> date(text, dates));
        Field field = check.field("field", Field::parse);
        FocusArea focusArea = check.field("focusArea", FocusArea::parse);
        ActivityType activityType = check.field("activityType", ActivityType::parse);
        Program program = check.optional("program", Program::parse);
        Program.Block block = check.optional("block", text -> block(text, program, raw.get("program") != null));
        String measureId = check.optional("measureId", ActivityRules::measureId);
        String note = check.optional("note", ActivityRules::note);
        int[] counts = new int[METRICS.size()];
        for (int i = 0; i < counts.length; i++) {
            Integer count = check.field(METRICS.get(i), ActivityRules::count);
            counts[i] = count == null ? 0 : count;
        }

        if (field != null && focusArea != null && focusArea.field() != field) {
            violations.add(Violation.of("focusArea", focusArea + " belongs to field " + focusArea.field() + ", not "
                    + field + "; focus areas of " + field + ": " + FocusArea.of(field).stream().map(Enum::name)
                    .collect(Collectors.joining(", "))));
        }
        if (program == Program.KOMM_IN && occurredOn != null && occurredOn.isAfter(KOMM_IN_END)) {
            violations.add(Violation.of("program", "KOMM_IN ended in 2012; an activity on " + occurredOn
                    + " cannot belong to it"));
        }
        if (measureId != null && raw.get("program") == null) {
            violations.add(Violation.of("measureId", "a measureId needs the program the measure is funded by"));
        }

        Optional<UUID> readId = Optional.ofNullable(id);
        Optional<SiteId> readSite = Optional.ofNullable(site);
        if (!violations.isEmpty()) {
            return new CheckedActivity(null, readId, readSite, violations);
        }
        ActivityReported report = new ActivityReported(id, site, occurredOn, field, focusArea, activityType, program,
                block, measureId, new ActivityMetrics(counts[0], counts[1], counts[2], counts[3]), note);
        return new CheckedActivity(report, readId, readSite, List.of());
    }

    private UUID id(String text) {
        if (!isUuid(text)) {
            throw new InvalidValueException("'" + text + "' is not a UUID (e.g. 3f2b8c1e-7d4a-4e2b-9c1f-0a5d6e7f8a9b)", text);
        }
        return UUID.fromString(text);
    }

    private static SiteId site(String text) {
        return KiSites.get(SiteId.of(text)).siteId();
    }

    private LocalDate date(String text, DateStyle style) {
        LocalDate date;
        try {
            date = iso(text);
        } catch (DateTimeException iso) {
            if (style != DateStyle.ISO_OR_GERMAN) {
                throw new InvalidValueException("'" + text + "' is not a date; expected YYYY-MM-DD, e.g. 2025-11-23", text);
            }
            try {
                date = LocalDate.parse(text, GERMAN_DATE);
            } catch (DateTimeException german) {
                throw new InvalidValueException("'" + text
                        + "' is not a date; expected YYYY-MM-DD or DD.MM.YYYY, e.g. 2025-11-23 or 23.11.2025", text);
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(BERLIN));
        if (date.isAfter(today)) {
            throw new InvalidValueException(date + " is in the future; activities are reported after they took place"
                    + " (today is " + today + ")", text);
        }
        if (date.isBefore(EARLIEST)) {
            throw new InvalidValueException(date + " is before " + EARLIEST + ", when the first programme started", text);
        }
        return date;
    }

    private static Program.Block block(String text, Program program, boolean programGiven) {
        if (!programGiven) {
            throw new InvalidValueException("a block needs its program (only KOMM_AN_II has blocks)", text);
        }
        if (program == null) {
            return null; // the program itself is wrong and already reported
        }
        return program.parseBlock(text).orElse(null);
    }

    private static String measureId(String text) {
        if (text.length() > ActivityReported.MAX_MEASURE_ID_LENGTH || text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("a measureId has at most " + ActivityReported.MAX_MEASURE_ID_LENGTH
                    + " printable characters", text);
        }
        return text;
    }

    private static String note(String text) {
        if (text.length() > ActivityReported.MAX_NOTE_LENGTH) {
            throw new InvalidValueException("the note has " + text.length() + " characters; at most "
                    + ActivityReported.MAX_NOTE_LENGTH, text);
        }
        return text;
    }

    private static Integer count(String text) {
        if (!isInteger(text)) {
            throw new InvalidValueException("'" + text + "' is not a whole number", text);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException tooLong) {
            value = Long.MAX_VALUE;
        }
        if (value < 0) {
            throw new InvalidValueException("must be ≥ 0, was " + text + "; a wrong report is corrected by retracting it",
                    text);
        }
        if (value > MAX_COUNT) {
            throw new InvalidValueException("must be ≤ " + MAX_COUNT + ", was " + text, text);
        }
        return (int) value;
    }

    /** The canonical 8-4-4-4-12 hex form only; {@link UUID#fromString} also takes forms no sender means. */
    static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInteger(String text) {
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code YYYY-MM-DD} exactly (the form of every JSON date), read without a formatter: it is read per row. */
    private static LocalDate iso(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-' || !isInteger(text.substring(0, 4))
                || !isInteger(text.substring(5, 7)) || !isInteger(text.substring(8, 10))) {
            throw new DateTimeException("not YYYY-MM-DD: " + text);
        }
        return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10));
    }

    /** Reads one field at a time and collects what is wrong, so that every problem of a report is listed. */
    private static final class Check {

        private final RawActivity raw;
        private final List<Violation> violations;

        Check(RawActivity raw, List<Violation> violations) {
            this.raw = raw;
            this.violations = violations;
        }

        <T> T field(String name, Parser<T> parser) {
            if (alreadyRefused(name)) {
                return null;
            }
            String text = raw.get(name);
            if (text == null) {
                violations.add(Violation.of(name, "is required"));
                return null;
            }
            return parse(name, text, parser);
        }

        <T> T optional(String name, Parser<T> parser) {
            String text = raw.get(name);
            if (text == null || alreadyRefused(name)) {
                return null;
            }
            return parse(name, text, parser);
        }

        private <T> T parse(String name, String text, Parser<T> parser) {
            try {
                return parser.parse(text);
            } catch (InvalidValueException e) {
                violations.add(Violation.of(name, e.getMessage()));
                return null;
            }
        }

        private boolean alreadyRefused(String name) {
            return !raw.earlier().isEmpty() && raw.earlier().stream().anyMatch(v -> name.equals(v.field())
                    || (METRICS.contains(name) && "metrics".equals(v.field())));
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }
}
