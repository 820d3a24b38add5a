package nrw.kinetz.sites.site.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nrw.kinetz.model.SiteStatus;
import nrw.kinetz.model.site.Contact;
import nrw.kinetz.model.site.ContactChanged;
import nrw.kinetz.model.site.FocusAreasChanged;
import nrw.kinetz.model.site.SiteEventTypes;
import nrw.kinetz.model.site.SiteRegistered;
import nrw.kinetz.model.site.SiteStatusChanged;
import nrw.kinetz.model.site.StaffingChanged;

/**
 * One KI site: what it is, where it stands in its lifecycle, its staffing plan, what it works on and how to
 * reach it. Immutable: every command returns the changed site together with the facts that announce the
 * change, each carrying the complete new value so that a consumer needs no earlier state.
 */
public final class Site {

    private final SiteIdentity identity;
    private final Lifecycle lifecycle;
    private final StaffingPlan staffing;
    private final WorkFocus focus;
    private final Contact contact;

    private Site(SiteIdentity identity, Lifecycle lifecycle, StaffingPlan staffing, WorkFocus focus, Contact contact) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.staffing = Objects.requireNonNull(staffing, "staffing");
        this.focus = Objects.requireNonNull(focus, "focus");
        this.contact = contact;
    }

    /**
     * A new site enters the registry at {@code status} and starts with the state's default staffing plan
     * (5.5 posts), because that is what the state funds for every KI until the site says otherwise.
     *
     * @throws SiteRuleViolation for CLOSED or a date in the future
     */
    public static Outcome register(SiteIdentity identity, SiteStatus status, LocalDate since, LocalDate today) {
        Site site = new Site(identity, Lifecycle.startingAt(status, since, today), StaffingPlan.defaultPlan(),
                WorkFocus.none(), null);
        List<Fact<?>> facts = new ArrayList<>();
        facts.add(new Fact<>(SiteEventTypes.REGISTERED, new SiteRegistered(identity.siteId(), identity.name(),
                identity.territoryKind(), identity.regierungsbezirk(), identity.districtKey(), identity.population(),
                status, site.lifecycle.currentSince())));
        facts.add(site.staffingFact());
        return new Outcome(site, facts);
    }

    /** Rebuilds a stored site; its parts were checked when they were set. */
    public static Site restore(SiteIdentity identity, Lifecycle lifecycle, StaffingPlan staffing, WorkFocus focus,
            Contact contact) {
        return new Site(identity, lifecycle, staffing, focus, contact);
    }

    /**
     * @throws IllegalTransition if {@code next} does not follow the current status
     * @throws SiteRuleViolation if {@code effectiveOn} lies in the future or before the current step
     */
    public Outcome changeStatus(SiteStatus next, LocalDate effectiveOn, LocalDate today) {
        SiteStatus previous = lifecycle.current();
        Site changed = new Site(identity, lifecycle.moveTo(next, effectiveOn, today), staffing, focus, contact);
        return new Outcome(changed, List.of(new Fact<>(SiteEventTypes.STATUS_CHANGED,
                new SiteStatusChanged(identity.siteId(), previous, next, effectiveOn))));
    }

    /** Sets the whole plan; the same plan again changes nothing and announces nothing. */
    public Outcome changeStaffing(StaffingPlan plan) {
        if (plan.equals(staffing)) {
            return new Outcome(this, List.of());
        }
        Site changed = new Site(identity, lifecycle, plan, focus, contact);
        return new Outcome(changed, List.of(changed.staffingFact()));
    }

    /** Sets focus areas and programmes together; the same value again changes nothing. */
    public Outcome changeFocus(WorkFocus newFocus) {
        if (newFocus.equals(focus)) {
            return new Outcome(this, List.of());
        }
        Site changed = new Site(identity, lifecycle, staffing, newFocus, contact);
        return new Outcome(changed, List.of(new Fact<>(SiteEventTypes.FOCUS_AREAS_CHANGED,
                new FocusAreasChanged(identity.siteId(), newFocus.focusAreas(), newFocus.programs()))));
    }

    /** Sets the whole contact; the same contact again changes nothing. */
    public Outcome changeContact(Contact newContact) {
        Objects.requireNonNull(newContact, "newContact");
        if (newContact.equals(contact)) {
            return new Outcome(this, List.of());
        }
        Site changed = new Site(identity, lifecycle, staffing, focus, newContact);
        return new Outcome(changed, List.of(new Fact<>(SiteEventTypes.CONTACT_CHANGED,
                new ContactChanged(identity.siteId(), newContact))));
    }

    public SiteIdentity identity() {
        return identity;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public SiteStatus status() {
        return lifecycle.current();
    }

    public StaffingPlan staffing() {
        return staffing;
    }

    public WorkFocus focus() {
        return focus;
    }

    /** @return the contact, empty until someone has set one */
    public Optional<Contact> contact() {
        return Optional.ofNullable(contact);
    }

    private Fact<StaffingChanged> staffingFact() {
        return new Fact<>(SiteEventTypes.STAFFING_CHANGED,
                new StaffingChanged(identity.siteId(), staffing.posts(), staffing.totalFte()));
    }
}
