package nrw.kinetz.model.program;

import nrw.kinetz.model.CodeLists;
import nrw.kinetz.model.activity.ActivityMetrics;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a programme measures its work by. Each indicator is advanced by the activities a KI reports under the
 * programme, from one of their counts: an activity adds its {@link Source} to the indicator's actual value.
 */
public enum Indicator {

    MEETING_POINT_SESSIONS("Betriebene Treffpunkt-Termine", Source.SESSIONS, false),
    VISITS("Besuche", Source.PARTICIPANTS, true),
    VOLUNTEERS_ENGAGED("Eingebundene Ehrenamtliche", Source.VOLUNTEERS, true),
    EVENTS("Veranstaltungen und Begegnungsangebote", Source.ACTIVITIES, false),
    PARTICIPANTS("Teilnehmende", Source.PARTICIPANTS, true),
    VOLUNTEERS_RECRUITED("Gewonnene Ehrenamtliche", Source.VOLUNTEERS, true),
    TRAINING_HOURS("Qualifizierungsstunden", Source.HOURS, false),
    COUNSELLING_HOURS("Beratungsstunden", Source.HOURS, false),
    CASES("Begleitete Fälle", Source.ACTIVITIES, false),
    GROUPS("Gruppen", Source.ACTIVITIES, false),
    FAMILIES("Familien", Source.PARTICIPANTS, true),
    SESSIONS("Gruppentreffen", Source.SESSIONS, false),
    ACTIVITIES("Aktivitäten", Source.ACTIVITIES, false);

    /** The count of an activity an indicator adds up. */
    public enum Source {
        /** One per activity. */
        ACTIVITIES,
        PARTICIPANTS,
        VOLUNTEERS,
        SESSIONS,
        HOURS;

        /** @return what one activity with {@code metrics} adds */
        public long of(ActivityMetrics metrics) {
            return switch (this) {
                case ACTIVITIES -> 1;
                case PARTICIPANTS -> metrics.participants();
                case VOLUNTEERS -> metrics.volunteers();
                case SESSIONS -> metrics.sessions();
                case HOURS -> metrics.hours();
            };
        }
    }

    private final String label;
    private final Source source;
    private final boolean countsPeople;

    Indicator(String label, Source source, boolean countsPeople) {
        this.label = label;
        this.source = source;
        this.countsPeople = countsPeople;
    }

    /** @return the German name shown to people */
    public String label() {
        return label;
    }

    public Source source() {
        return source;
    }

    /** @return {@code true} for a count of people, which is suppressed from 1 to 4 outside the laki role */
    public boolean countsPeople() {
        return countsPeople;
    }

    /** @throws nrw.kinetz.model.InvalidValueException listing the allowed codes */
    @JsonCreator
    public static Indicator parse(String code) {
        return CodeLists.parse(Indicator.class, code, "an indicator");
    }
}
