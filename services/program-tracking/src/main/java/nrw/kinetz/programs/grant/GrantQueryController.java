package nrw.kinetz.programs.grant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nrw.kinetz.infra.csv.CsvWriter;
import nrw.kinetz.infra.problem.ApplicationException;
import nrw.kinetz.infra.problem.ApplicationException.Kind;
import nrw.kinetz.infra.web.PageLinks;
import nrw.kinetz.infra.web.ProblemError;
import nrw.kinetz.model.InvalidValueException;
import nrw.kinetz.model.Program;
import nrw.kinetz.model.SiteId;
import nrw.kinetz.programs.grant.domain.GrantStatus;
import nrw.kinetz.programs.web.CsvDownload;

/**
 * Reading grants is public (money is not suppressed): the list with filters ({@code site}, {@code program},
 * {@code year}, {@code status}, each repeatable) and paging, as JSON or CSV; one grant with its {@code ETag}; and
 * the LaKI's list of overdue proofs of use.
 */
@RestController
@RequestMapping("/api/v1/grants")
class GrantQueryController {

    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 500;

    /** German headings, the naming style of every CSV of the platform. */
    private static final List<String> CSV_HEADER = List.of("Zuwendung", "KI", "Programm", "Baustein", "Haushaltsjahr",
            "Status", "Beantragt", "Bewilligt", "Abgerufen", "Verfügbar", "Weitergeleitet", "Verwendungsnachweis fällig",
            "Verwendungsnachweis", "Rückforderung", "Version");

    private final GrantStore store;
    private final GrantService service;

    GrantQueryController(GrantStore store, GrantService service) {
        this.store = store;
        this.service = service;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<GrantView>> list(@RequestParam(required = false) List<String> site,
            @RequestParam(required = false) List<String> program, @RequestParam(required = false) List<String> year,
            @RequestParam(required = false) List<String> status, @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        GrantFilter filter = filter(site, program, year, status);
        LocalDate today = service.today();
        return ResponseEntity.ok().headers(PageLinks.headers(page, size, store.count(filter)))
                .body(store.list(filter, (page - 1) * size, size).stream().map(g -> GrantView.of(g, today)).toList());
    }

    @GetMapping(produces = CsvWriter.MEDIA_TYPE)
    ResponseEntity<byte[]> listAsCsv(@RequestParam(required = false) List<String> site,
            @RequestParam(required = false) List<String> program, @RequestParam(required = false) List<String> year,
            @RequestParam(required = false) List<String> status, @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        GrantFilter filter = filter(site, program, year, status);
        return CsvDownload.of(csv(store.list(filter, (page - 1) * size, size)), "ki-grants.csv",
                PageLinks.headers(page, size, store.count(filter)));
    }

    /** Approved grants whose Verwendungsnachweis is past due and neither submitted nor accepted, oldest first. */
    @GetMapping(path = "/overdue-proofs", produces = MediaType.APPLICATION_JSON_VALUE)
    List<GrantView> overdue() {
        LocalDate today = service.today();
        return store.overdueProofs(today).stream().map(g -> GrantView.of(g, today)).toList();
    }

    @GetMapping(path = "/overdue-proofs", produces = CsvWriter.MEDIA_TYPE)
    ResponseEntity<byte[]> overdueAsCsv() {
        return CsvDownload.of(csv(store.overdueProofs(service.today())), "ki-overdue-proofs.csv", HttpHeaders.EMPTY);
    }

    @GetMapping("/{grantId}")
    ResponseEntity<GrantView> one(@PathVariable UUID grantId) {
        StoredGrant grant = service.get(grantId);
        return ResponseEntity.ok().eTag(grant.etag()).body(GrantView.of(grant, service.today()));
    }

    private CsvWriter csv(List<StoredGrant> grants) {
        CsvWriter csv = new CsvWriter().row(CSV_HEADER);
        LocalDate today = service.today();
        for (StoredGrant stored : grants) {
            GrantView g = GrantView.of(stored, today);
            csv.row(g.grantId().toString(), g.siteId().value(), g.program().name(), CsvDownload.text(g.block()),
                    Integer.toString(g.budgetYear()), g.status().name(), CsvDownload.money(g.amountApplied()),
                    CsvDownload.money(g.amountGranted()), CsvDownload.money(g.disbursed()), CsvDownload.money(g.available()),
                    CsvDownload.money(g.passedOn()), CsvDownload.text(g.proofOfUseDue()), g.proofOfUse().status().name(),
                    CsvDownload.money(g.proofOfUse().repaymentClaim()), Long.toString(g.version()));
        }
        return csv;
    }

    private static GrantFilter filter(List<String> site, List<String> program, List<String> year, List<String> status) {
        List<ProblemError> errors = new ArrayList<>();
        GrantFilter filter = new GrantFilter(parse("site", site, SiteId::of, errors), parse("program", program, Program::parse, errors),
                parse("year", year, GrantQueryController::year, errors), parse("status", status, GrantQueryController::status, errors));
        if (!errors.isEmpty()) {
            throw ApplicationException.of(Kind.INVALID, "grant.filter", "The filter has " + errors.size()
                    + " unknown value(s).", errors.size()).withErrors(errors);
        }
        return filter;
    }

    private static <T> Set<T> parse(String parameter, List<String> values, Function<String, T> parser, List<ProblemError> errors) {
        Set<T> parsed = new HashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                parsed.add(parser.apply(value));
            } catch (IllegalArgumentException e) {
                errors.add(ProblemError.at("/" + parameter, e.getMessage()));
            }
        }
        return parsed;
    }

    private static Integer year(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("'" + value + "' is not a budget year such as 2025", value);
        }
    }

    private static GrantStatus status(String value) {
        try {
            return GrantStatus.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("'" + value + "' is not a grant status; allowed: APPLIED, APPROVED, REJECTED", value);
        }
    }
}
