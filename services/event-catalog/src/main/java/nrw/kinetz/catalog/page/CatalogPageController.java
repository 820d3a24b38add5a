package nrw.kinetz.catalog.page;

import static nrw.kinetz.catalog.page.PageHtml.esc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import nrw.kinetz.catalog.offering.OfferingFilter;
import nrw.kinetz.catalog.offering.OfferingService;
import nrw.kinetz.catalog.offering.OfferingStore;
import nrw.kinetz.catalog.offering.OfferingView;
import nrw.kinetz.catalog.offering.StoredOffering;
import nrw.kinetz.catalog.offering.domain.Offering;
import nrw.kinetz.catalog.registration.LinkSigner;
import nrw.kinetz.catalog.registration.LinkSigner.Purpose;
import nrw.kinetz.catalog.registration.RegistrationDocument;
import nrw.kinetz.catalog.registration.RegistrationService;
import nrw.kinetz.infra.security.Caller;
import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.web.ApiProblemException;
import nrw.kinetz.model.FocusArea;
import nrw.kinetz.model.catalog.OfferingSession;
import nrw.kinetz.model.catalog.OfferingStatus;
import nrw.kinetz.model.catalog.RegistrationStatus;
import nrw.kinetz.model.reference.KiSiteReference;
import nrw.kinetz.model.reference.KiSites;

/**
 * The page people use, in German and served as plain HTML: upcoming offerings with filters and free seats, an
 * offering's details with the registration form, and the pages the links in the mails open. Works without
 * JavaScript and from the keyboard. The links in mails open a page with a button, never an action by
 * themselves: mail scanners that open links must not confirm or cancel anything.
 */
@RestController
class CatalogPageController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final int PAGE_SIZE = 20;

    private final OfferingStore offerings;
    private final OfferingService offeringService;
    private final RegistrationService registrations;
    private final LinkSigner links;

    CatalogPageController(OfferingStore offerings, OfferingService offeringService, RegistrationService registrations,
            LinkSigner links) {
        this.offerings = offerings;
        this.offeringService = offeringService;
        this.registrations = registrations;
        this.links = links;
    }

    @GetMapping("/veranstaltungen")
    ResponseEntity<String> list(@RequestParam(required = false) String from,
            @RequestParam(required = false) String focusArea, @RequestParam(required = false) String organiserSite,
            @RequestParam(defaultValue = "false") boolean freeSeats, @RequestParam(defaultValue = "1") int page) {
        String day = from == null || from.isBlank() ? offeringService.now().toLocalDate().toString() : from.strip();
        OfferingFilter filter;
        try {
            filter = OfferingFilter.parse(day, focusArea == null ? null : List.of(focusArea),
                    organiserSite == null ? null : List.of(organiserSite), null, freeSeats);
        } catch (ApiProblemException e) {
            return html(HttpStatus.BAD_REQUEST, PageHtml.page("Ungültiger Filter", "<h1>Ungültiger Filter</h1>"
                    + "<p>Bitte wählen Sie die Filter im Formular aus.</p><p><a href=\"/veranstaltungen\">Zur Übersicht</a></p>"));
        }
        filter = new OfferingFilter(filter.endingAfter(), filter.focusAreas(), filter.organisers(), filter.types(),
                Set.of(OfferingStatus.PUBLISHED, OfferingStatus.CANCELLED), filter.freeSeatsOnly());
        int current = Math.max(1, page);
        long total = offerings.count(filter);
        List<StoredOffering> shown = offerings.list(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        StringBuilder body = new StringBuilder("<h1>Fortbildungen und Veranstaltungen</h1>");
        body.append("<p>Fortbildungen, Netzwerktreffen und Fachtage der Kommunalen Integrationszentren und der LaKI. ")
                .append("Die Anmeldung ist ohne Konto möglich; Sie bestätigen sie über einen Link per E-Mail. ")
                .append("<a href=\"/api/v1/calendar.ics\">Alle Termine als Kalender abonnieren (iCalendar)</a></p>");
        body.append(filterForm(day, focusArea, organiserSite, freeSeats));
        body.append("<h2 id=\"ergebnis\">").append(total == 0 ? "Keine passenden Veranstaltungen"
                : total == 1 ? "1 Veranstaltung" : total + " Veranstaltungen").append("</h2>");
        for (StoredOffering stored : shown) {
            body.append(card(stored));
        }
        long last = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        if (last > 1) {
            body.append("<nav class=\"pages\" aria-label=\"Seiten\">");
            if (current > 1) {
                body.append("<a href=\"").append(esc(pageLink(day, focusArea, organiserSite, freeSeats, current - 1)))
                        .append("\">Vorherige Seite</a>");
            }
            body.append("<span>Seite ").append(current).append(" von ").append(last).append("</span> ");
            if (current < last) {
                body.append("<a href=\"").append(esc(pageLink(day, focusArea, organiserSite, freeSeats, current + 1)))
                        .append("\">Nächste Seite</a>");
            }
            body.append("</nav>");
        }
        return html(HttpStatus.OK, PageHtml.page("Fortbildungen und Veranstaltungen", body.toString()));
    }

    @GetMapping("/veranstaltungen/{offeringId}")
    ResponseEntity<String> details(@PathVariable String offeringId) {
        Optional<StoredOffering> found = visible(offeringId);
        if (found.isEmpty()) {
            return notFound();
        }
        return html(HttpStatus.OK, detailsPage(found.get(), Map.of(), Map.of()));
    }

    @PostMapping(path = "/veranstaltungen/{offeringId}/anmeldung", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> register(@PathVariable String offeringId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String organisation) {
        Optional<StoredOffering> found = visible(offeringId);
        if (found.isEmpty()) {
            return notFound();
        }
        Map<String, String> values = Map.of("name", name, "email", email, "organisation", organisation);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank() || name.length() > 200) {
            errors.put("name", "Bitte geben Sie Ihren Namen an (höchstens 200 Zeichen).");
        }
        if (!email.strip().matches(RegistrationService.EMAIL) || email.length() > 254) {
            errors.put("email", "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.");
        }
        if (organisation.length() > 200) {
            errors.put("organisation", "Die Organisation darf höchstens 200 Zeichen lang sein.");
        }
        Optional<String> closed = found.get().offering().whyRegistrationIsClosed(offeringService.now());
        if (closed.isPresent()) {
            return html(HttpStatus.CONFLICT, detailsPage(found.get(), values, errors));
        }
        if (!errors.isEmpty()) {
            return html(HttpStatus.BAD_REQUEST, detailsPage(found.get(), values, errors));
        }
        RegistrationService.Registered registered = registrations.register(offeringId, name, email.strip(),
                organisation.isBlank() ? null : organisation);
        String title = found.get().offering().title();
        String body = "<h1>Fast geschafft: Bitte bestätigen Sie Ihre Anmeldung</h1><div class=\"ok\" role=\"status\">"
                + (registered.created()
                        ? "<p>Wir haben Ihnen eine E-Mail an <strong>" + esc(email.strip()) + "</strong> geschickt. Öffnen Sie den "
                                + "Link darin innerhalb von 24 Stunden, um Ihre Anmeldung für „" + esc(title)
                                + "“ zu bestätigen. Erst dann ist ein Platz für Sie reserviert.</p>"
                        : "<p>Mit dieser E-Mail-Adresse besteht bereits eine Anmeldung für „" + esc(title)
                                + "“. Bitte nutzen Sie die Links in der E-Mail, die Sie dazu erhalten haben.</p>")
                + "</div><p><a href=\"/veranstaltungen/" + esc(offeringId) + "\">Zurück zur Veranstaltung</a></p>";
        return html(registered.created() ? HttpStatus.ACCEPTED : HttpStatus.OK, PageHtml.page("Anmeldung eingegangen", body));
    }

    @GetMapping("/veranstaltungen/anmeldung/{registrationId}/bestaetigen")
    ResponseEntity<String> confirmPage(@PathVariable String registrationId, @RequestParam(name = "t", defaultValue = "") String token) {
        return linkPage(registrationId, token, Purpose.CONFIRM, "Anmeldung bestätigen", "bestaetigen",
                "Bitte bestätigen Sie Ihre Anmeldung für", "Anmeldung jetzt bestätigen");
    }

    @PostMapping(path = "/veranstaltungen/anmeldung/{registrationId}/bestaetigen", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> confirm(@PathVariable String registrationId, @RequestParam(name = "t", defaultValue = "") String token) {
        return act(registrationId, token, Purpose.CONFIRM);
    }

    @GetMapping("/veranstaltungen/anmeldung/{registrationId}/abmelden")
    ResponseEntity<String> cancelPage(@PathVariable String registrationId, @RequestParam(name = "t", defaultValue = "") String token) {
        return linkPage(registrationId, token, Purpose.CANCEL, "Abmelden", "abmelden",
                "Möchten Sie sich wirklich abmelden von", "Ja, verbindlich abmelden");
    }

    @PostMapping(path = "/veranstaltungen/anmeldung/{registrationId}/abmelden", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> cancel(@PathVariable String registrationId, @RequestParam(name = "t", defaultValue = "") String token) {
        return act(registrationId, token, Purpose.CANCEL);
    }

    private ResponseEntity<String> linkPage(String registrationId, String token, Purpose purpose, String title, String action,
            String question, String button) {
        Optional<ResponseEntity<String>> refused = refused(registrationId, token, purpose);
        if (refused.isPresent()) {
            return refused.get();
        }
        RegistrationDocument registration = registrations.find(registrationId).orElseThrow();
        StoredOffering offering = offeringService.get(registration.offeringId());
        String body = "<h1>" + esc(title) + "</h1><p>" + esc(question) + " „" + esc(offering.offering().title()) + "“?</p>"
                + sessions(offering.offering())
                + "<form method=\"post\" action=\"/veranstaltungen/anmeldung/" + esc(registrationId) + "/" + action + "\">"
                + "<input type=\"hidden\" name=\"t\" value=\"" + esc(token) + "\"><button type=\"submit\">" + esc(button)
                + "</button></form>";
        return html(HttpStatus.OK, PageHtml.page(title, body));
    }

    private ResponseEntity<String> act(String registrationId, String token, Purpose purpose) {
        Optional<ResponseEntity<String>> refused = refused(registrationId, token, purpose);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            RegistrationStatus status = purpose == Purpose.CONFIRM ? registrations.confirm(registrationId, token)
                    : registrations.cancelByPerson(registrationId, token);
            RegistrationDocument registration = registrations.find(registrationId).orElseThrow();
            StoredOffering offering = offeringService.get(registration.offeringId());
            String title = esc(offering.offering().title());
            String message = switch (status) {
                case CONFIRMED -> "<h1>Ihre Anmeldung ist bestätigt</h1><div class=\"ok\" role=\"status\"><p>Ihr Platz bei „"
                        + title + "“ ist reserviert. Eine Bestätigung mit den Terminen für Ihren Kalender ist per E-Mail unterwegs.</p></div>";
                case WAITLISTED -> "<h1>Sie stehen auf der Warteliste</h1><div class=\"ok\" role=\"status\"><p>Alle Plätze bei „"
                        + title + "“ sind vergeben. Sie stehen auf der Warteliste an Position "
                        + registrations.waitlistPosition(registration)
                        + ". Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail.</p></div>";
                default -> "<h1>Sie sind abgemeldet</h1><div class=\"ok\" role=\"status\"><p>Ihre Anmeldung für „" + title
                        + "“ ist storniert. Vielen Dank, dass Sie den Platz freigegeben haben.</p></div>";
            };
            return html(HttpStatus.OK, PageHtml.page(purpose == Purpose.CONFIRM ? "Anmeldung bestätigt" : "Abgemeldet",
                    message + "<p><a href=\"/veranstaltungen/" + esc(offering.offering().id()) + "\">Zur Veranstaltung</a></p>"));
        } catch (ApplicationException e) {
            return problemPage(HttpStatus.valueOf(e.kind().status()));
        } catch (ApiProblemException e) {
            return problemPage(e.status());
        }
    }

    /** A forged, expired or spent link gets a clear page, and nothing changes. */
    private Optional<ResponseEntity<String>> refused(String registrationId, String token, Purpose purpose) {
        if (!links.verify(purpose, registrationId, token)) {
            return Optional.of(html(HttpStatus.FORBIDDEN, PageHtml.page("Link ungültig", "<h1>Dieser Link ist ungültig</h1>"
                    + "<div class=\"error\" role=\"alert\"><p>Der Link stammt nicht aus einer E-Mail des Veranstaltungskatalogs "
                    + "oder wurde unterwegs verändert. Bitte öffnen Sie den Link genau so, wie er in der E-Mail steht. "
                    + "Es wurde nichts geändert.</p></div><p><a href=\"/veranstaltungen\">Zur Übersicht</a></p>")));
        }
        Optional<RegistrationDocument> registration = registrations.find(registrationId);
        if (registration.isEmpty()) {
            return Optional.of(notFound());
        }
        if (purpose == Purpose.CONFIRM && registrations.expired(registration.get())) {
            return Optional.of(html(HttpStatus.GONE, PageHtml.page("Link abgelaufen", "<h1>Dieser Link ist abgelaufen</h1>"
                    + "<div class=\"error\" role=\"alert\"><p>Eine Anmeldung muss innerhalb von 24 Stunden bestätigt werden. "
                    + "Bitte melden Sie sich erneut an. Es wurde nichts geändert.</p></div>"
                    + "<p><a href=\"/veranstaltungen/" + esc(registration.get().offeringId()) + "\">Zur Veranstaltung</a></p>")));
        }
        return Optional.empty();
    }

    private ResponseEntity<String> problemPage(HttpStatus status) {
        String text = switch (status) {
            case CONFLICT -> "Das ist nicht mehr möglich: Die Veranstaltung ist abgesagt oder beendet, oder die Frist ist abgelaufen. "
                    + "Bitte wenden Sie sich an die Veranstalter.";
            case GONE -> "Diese Anmeldung ist nicht mehr gültig. Bitte melden Sie sich erneut an.";
            default -> "Das hat nicht geklappt. Es wurde nichts geändert.";
        };
        return html(status, PageHtml.page("Nicht möglich", "<h1>Nicht möglich</h1><div class=\"error\" role=\"alert\"><p>"
                + esc(text) + "</p></div><p><a href=\"/veranstaltungen\">Zur Übersicht</a></p>"));
    }

    private String detailsPage(StoredOffering stored, Map<String, String> values, Map<String, String> errors) {
        Offering offering = stored.offering();
        StringBuilder body = new StringBuilder("<p><a href=\"/veranstaltungen\">Alle Veranstaltungen</a></p>");
        body.append("<h1>").append(esc(offering.title())).append("</h1>");
        body.append("<p class=\"meta\">").append(esc(offering.type().label())).append(" · ")
                .append(esc(OfferingView.organiserName(stored))).append(" · ").append(esc(offering.focusArea().label())).append("</p>");
        if (offering.status() == OfferingStatus.CANCELLED) {
            body.append("<div class=\"error\" role=\"status\"><p>Diese Veranstaltung ist abgesagt.</p></div>");
        }
        if (offering.description() != null) {
            body.append("<p>").append(esc(offering.description())).append("</p>");
        }
        if (offering.audience() != null) {
            body.append("<p><strong>Zielgruppe:</strong> ").append(esc(offering.audience())).append("</p>");
        }
        body.append(sessions(offering));
        body.append(seats(stored));
        body.append("<p>Anmeldeschluss: ").append(PageHtml.dateTime(offering.registrationDeadline())).append("</p>");
        Optional<String> closed = offering.whyRegistrationIsClosed(offeringService.now());
        body.append("<h2 id=\"anmeldung\">Anmeldung</h2>");
        if (closed.isPresent()) {
            body.append("<p role=\"status\">Eine Anmeldung ist nicht mehr möglich")
                    .append(offering.status() == OfferingStatus.PUBLISHED ? ": Der Anmeldeschluss ist vorbei." : ".").append("</p>");
            return PageHtml.page(offering.title(), body.toString());
        }
        if (!errors.isEmpty()) {
            body.append("<div class=\"error\" role=\"alert\" tabindex=\"-1\"><h2>Bitte prüfen Sie Ihre Angaben</h2><ul>");
            errors.forEach((field, message) -> body.append("<li><a href=\"#").append(field).append("\">").append(esc(message))
                    .append("</a></li>"));
            body.append("</ul></div>");
        }
        body.append("<form method=\"post\" action=\"/veranstaltungen/").append(esc(offering.id())).append("/anmeldung\" novalidate>")
                .append("<p class=\"hint\">Nach dem Absenden erhalten Sie eine E-Mail mit einem Bestätigungslink. Ihre Angaben "
                        + "sehen nur die Veranstalter; sie werden nach der Veranstaltung gelöscht.</p>")
                .append(field("name", "Name", "text", "name", true, values, errors))
                .append(field("email", "E-Mail-Adresse", "email", "email", true, values, errors))
                .append(field("organisation", "Organisation (freiwillig)", "text", "organization", false, values, errors))
                .append("<button type=\"submit\">Verbindlich anmelden</button></form>");
        return PageHtml.page(offering.title(), body.toString());
    }

    private static String field(String id, String label, String type, String autocomplete, boolean required,
            Map<String, String> values, Map<String, String> errors) {
        String error = errors.get(id);
        return "<label for=\"" + id + "\">" + esc(label) + (required ? " (Pflichtfeld)" : "") + "</label>"
                + (error == null ? "" : "<p class=\"error-text\" id=\"" + id + "-fehler\" style=\"color:#a4000f\">" + esc(error) + "</p>")
                + "<input id=\"" + id + "\" name=\"" + id + "\" type=\"" + type + "\" autocomplete=\"" + autocomplete + "\""
                + " size=\"40\" maxlength=\"254\"" + (required ? " required aria-required=\"true\"" : "")
                + (error == null ? "" : " aria-invalid=\"true\" aria-describedby=\"" + id + "-fehler\"")
                + " value=\"" + esc(values.getOrDefault(id, "")) + "\">";
    }

    private String card(StoredOffering stored) {
        Offering offering = stored.offering();
        StringBuilder card = new StringBuilder("<article class=\"offer\">");
        card.append("<p class=\"meta\">").append(esc(offering.type().label())).append(" · ")
                .append(esc(OfferingView.organiserName(stored))).append("</p>");
        card.append("<h2><a href=\"/veranstaltungen/").append(esc(offering.id())).append("\">").append(esc(offering.title()))
                .append("</a></h2>");
        if (offering.status() == OfferingStatus.CANCELLED) {
            card.append("<p><span class=\"status\">Abgesagt</span></p>");
        }
        card.append("<p class=\"meta\">").append(PageHtml.session(offering.sessions().get(0)))
                .append(offering.sessions().size() > 1 ? " (und " + (offering.sessions().size() - 1) + " weitere Termine)" : "")
                .append("</p>");
        card.append("<p class=\"meta\">").append(esc(offering.place() != null ? offering.place() : "Online")).append(" · ")
                .append(esc(offering.focusArea().label())).append("</p>");
        card.append(seats(stored)).append("</article>");
        return card.toString();
    }

    private static String seats(StoredOffering stored) {
        int free = stored.seats().free();
        return "<p class=\"seats\">" + (free > 0 ? free + " von " + stored.offering().capacity() + " Plätzen frei"
                : "Ausgebucht – Anmeldung auf die Warteliste möglich") + "</p>";
    }

    private static String sessions(Offering offering) {
        StringBuilder list = new StringBuilder("<h2>Termine</h2><ul>");
        for (OfferingSession session : offering.sessions()) {
            list.append("<li>").append(PageHtml.session(session)).append("</li>");
        }
        list.append("</ul>");
        if (offering.place() != null) {
            list.append("<p><strong>Ort:</strong> ").append(esc(offering.place())).append("</p>");
        }
        if (offering.onlineLink() != null) {
            list.append("<p><strong>Online:</strong> ").append(esc(offering.onlineLink().toString())).append("</p>");
        }
        return list.toString();
    }

    private static String filterForm(String from, String focusArea, String organiserSite, boolean freeSeats) {
        StringBuilder form = new StringBuilder("<form method=\"get\" action=\"/veranstaltungen\" aria-labelledby=\"filter-titel\">"
                + "<fieldset><legend id=\"filter-titel\">Veranstaltungen filtern</legend>");
        form.append("<label for=\"from\">Ab Datum</label><input id=\"from\" name=\"from\" type=\"date\" value=\"")
                .append(esc(from)).append("\">");
        form.append("<label for=\"focusArea\">Schwerpunkt</label><select id=\"focusArea\" name=\"focusArea\">")
                .append("<option value=\"\">Alle Schwerpunkte</option>");
        for (FocusArea area : FocusArea.values()) {
            form.append("<option value=\"").append(area.name()).append("\"").append(area.name().equals(focusArea) ? " selected" : "")
                    .append(">").append(esc(area.label())).append("</option>");
        }
        form.append("</select><label for=\"organiserSite\">Veranstalter</label><select id=\"organiserSite\" name=\"organiserSite\">")
                .append("<option value=\"\">Alle Veranstalter</option><option value=\"laki\"")
                .append("laki".equalsIgnoreCase(organiserSite) ? " selected" : "").append(">LaKI</option>");
        List<KiSiteReference> sites = new ArrayList<>(KiSites.all());
        sites.sort(Comparator.comparing(KiSiteReference::name));
        for (KiSiteReference site : sites) {
            form.append("<option value=\"").append(site.siteId().value()).append("\"")
                    .append(site.siteId().value().equals(organiserSite) ? " selected" : "").append(">KI ")
                    .append(esc(site.name())).append("</option>");
        }
        form.append("</select><p><input id=\"freeSeats\" name=\"freeSeats\" type=\"checkbox\" value=\"true\"")
                .append(freeSeats ? " checked" : "").append("> <label class=\"inline\" for=\"freeSeats\">Nur mit freien Plätzen</label></p>")
                .append("<button type=\"submit\">Filtern</button></fieldset></form>");
        return form.toString();
    }

    private static String pageLink(String from, String focusArea, String organiserSite, boolean freeSeats, int page) {
        return UriComponentsBuilder.fromPath("/veranstaltungen").queryParam("from", from)
                .queryParamIfPresent("focusArea", Optional.ofNullable(focusArea).filter(v -> !v.isBlank()))
                .queryParamIfPresent("organiserSite", Optional.ofNullable(organiserSite).filter(v -> !v.isBlank()))
                .queryParam("freeSeats", freeSeats).queryParam("page", page).encode().build().toUriString();
    }

    private Optional<StoredOffering> visible(String offeringId) {
        try {
            return Optional.of(offeringService.visibleTo(offeringId, Caller.anonymous()));
        } catch (ApplicationException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<String> notFound() {
        return html(HttpStatus.NOT_FOUND, PageHtml.page("Nicht gefunden", "<h1>Nicht gefunden</h1><p>Diese Veranstaltung "
                + "oder Anmeldung gibt es nicht (mehr).</p><p><a href=\"/veranstaltungen\">Zur Übersicht</a></p>"));
    }

    private static ResponseEntity<String> html(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(HTML).body(html);
    }
}
