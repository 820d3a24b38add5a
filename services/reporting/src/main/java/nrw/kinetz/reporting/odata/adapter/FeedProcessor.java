package nrw.kinetz.reporting.odata.adapter;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.olingo.commons.api.data.Annotation;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.EntityCollection;
import org.apache.olingo.commons.api.data.Link;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.data.ValueType;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.serializer.EntityCollectionSerializerOptions;
import org.apache.olingo.server.api.serializer.ODataSerializer;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;

import nrw.kinetz.infra.security.CallerArgumentResolver;
import nrw.kinetz.model.NetworkTime;
import nrw.kinetz.model.Period;
import nrw.kinetz.reporting.aggregate.AggregateQuery;
import nrw.kinetz.reporting.aggregate.AggregateReport;
import nrw.kinetz.reporting.aggregate.Aggregation;
import nrw.kinetz.reporting.aggregate.CellValue;
import nrw.kinetz.reporting.aggregate.PublicAnswers;
import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.odata.CodeList;
import nrw.kinetz.reporting.odata.FeedPeriods;
import nrw.kinetz.reporting.odata.FeedRow;
import nrw.kinetz.reporting.odata.FeedTable;

/**
 * Answers {@code GET /odata/v4/<EntitySet>} (and {@code /$count}): computes the rows the caller may see, then
 * filters, orders, counts and pages those shown rows. The feed serves rows at the grain of the aggregates API
 * and aggregates nothing itself: {@code $apply} and {@code $search} are refused with 400 (Olingo knows no
 * {@code $compute}), so
 * no combination of query options can add up, subtract or split cells on the server.
 *
 * <p>Paging is server-driven: at most {@code pageSize} rows (or fewer when the client prefers
 * {@code odata.maxpagesize}) and an {@code @odata.nextLink} carrying {@code $skiptoken}, the position of the
 * next row among the filtered, ordered rows.
 */
final class FeedProcessor implements CountEntityCollectionProcessor {

    private static final String SKIP_TOKEN = "$skiptoken";

    private final FeedModel model;
    private final int pageSize;
    private final int firstYear;
    private final Clock clock;
    private final PublicAnswers publicAnswers;
    private OData odata;
    private ServiceMetadata metadata;

    FeedProcessor(FeedModel model, int pageSize, int firstYear, Clock clock, PublicAnswers publicAnswers) {
        this.model = model;
        this.publicAnswers = publicAnswers;
        this.pageSize = pageSize;
        this.firstYear = firstYear;
        this.clock = clock;
    }

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format)
            throws ODataApplicationException, ODataLibraryException {
        if (!format.isCompatible(ContentType.APPLICATION_JSON)) {
            throw new ODataApplicationException("This feed answers in JSON only ($format=json or Accept: application/json).",
                    HttpStatusCode.NOT_ACCEPTABLE.getStatusCode(), java.util.Locale.ROOT);
        }
        EdmEntitySet set = entitySet(uri);
        List<Entity> rows = rows(set, uri);
        int first = start(uri);
        int end = uri.getTopOption() == null ? rows.size()
                : (int) Math.min(rows.size(), (long) skip(uri) + uri.getTopOption().getValue());
        int size = pageSize(request, response);
        int last = Math.min(end, first + size);

        EntityCollection page = new EntityCollection();
        if (first < last) {
            page.getEntities().addAll(rows.subList(first, last));
        }
        if (uri.getCountOption() != null && uri.getCountOption().getValue()) {
            page.setCount(rows.size());
        }
        if (last < end) {
            page.setNext(next(request, last));
        }
        ExpandOption expand = uri.getExpandOption();
        if (expand != null) {
            expand(set, page.getEntities(), expand);
        }
        EdmEntityType type = set.getEntityType();
        ContextURL context = ContextURL.with().entitySet(set)
                .selectList(odata.createUriHelper().buildContextURLSelectList(type, expand, uri.getSelectOption())).build();
        ODataSerializer serializer = odata.createSerializer(format);
        response.setContent(serializer.entityCollection(metadata, type, page, EntityCollectionSerializerOptions.with()
                .contextURL(context).id(request.getRawBaseUri() + "/" + set.getName())
                .count(uri.getCountOption()).select(uri.getSelectOption()).expand(expand).build()).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }

    @Override
    public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri)
            throws ODataApplicationException, ODataLibraryException {
        int count = rows(entitySet(uri), uri).size();
        response.setContent(new java.io.ByteArrayInputStream(Integer.toString(count).getBytes(StandardCharsets.UTF_8)));
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.TEXT_PLAIN.toContentTypeString());
    }

    private EdmEntitySet entitySet(UriInfo uri) throws ODataApplicationException {
        refuseAggregation(uri);
        List<UriResource> parts = uri.getUriResourceParts();
        if (!(parts.get(0) instanceof UriResourceEntitySet set) || parts.stream().anyMatch(p -> p instanceof UriResourceNavigation)
                || set.getKeyPredicates() != null && !set.getKeyPredicates().isEmpty()) {
            throw new ODataApplicationException("Only whole entity sets can be read, e.g. /odata/v4/ActivitiesBySite; "
                    + "select rows with $filter.", HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), java.util.Locale.ROOT);
        }
        return set.getEntitySet();
    }

    /**
     * Sums, differences and searches on the server could combine cells below the grain the disclosure rules look
     * at; a workbook aggregates the rows it received instead.
     */
    private static void refuseAggregation(UriInfo uri) throws ODataApplicationException {
        if (uri.getApplyOption() != null) {
            throw RowExpressions.badRequest("$apply is not supported: this feed serves rows at the fixed grain of the "
                    + "aggregates API (period and group); aggregate them in the workbook.");
        }
        if (uri.getSearchOption() != null) {
            throw RowExpressions.badRequest("$search is not supported; select rows with $filter.");
        }
    }

    /** Every row the caller is shown, filtered and ordered as asked, before paging. */
    private List<Entity> rows(EdmEntitySet set, UriInfo uri) throws ODataApplicationException {
        Expression filter = uri.getFilterOption() == null ? null : uri.getFilterOption().getExpression();
        List<Entity> rows = new ArrayList<>();
        Optional<FeedTable> table = model.table(set.getName());
        if (table.isPresent()) {
            // The same public answers the aggregates API hands out (and keeps); the LaKI's are computed each time.
            Function<AggregateQuery, Aggregation> shown = CallerArgumentResolver.current().seesExactNumbers()
                    ? query -> query.answer(true)
                    : query -> publicAnswers.answer(query, () -> AggregateReport.of(query, query.answer(false))).aggregation();
            for (FeedRow row : table.get().rows(periods(filter), shown)) {
                rows.add(entity(table.get(), row));
            }
        } else {
            CodeList list = FeedModel.codeList(set.getName()).orElseThrow();
            for (List<String> row : list.rows()) {
                rows.add(entity(list, row));
            }
        }
        if (filter != null) {
            List<Entity> kept = new ArrayList<>();
            for (Entity row : rows) {
                if (RowExpressions.matches(filter, row)) {
                    kept.add(row);
                }
            }
            rows = kept;
        }
        if (uri.getOrderByOption() != null) {
            rows = order(rows, uri.getOrderByOption().getOrders());
        }
        return rows;
    }

    private List<Optional<Period>> periods(Expression filter) {
        List<Optional<Period>> offered = FeedPeriods.offered(firstYear, NetworkTime.today(clock));
        if (filter == null) {
            return offered;
        }
        Optional<Set<String>> named = RowExpressions.valuesOf(FeedModel.PERIOD, filter);
        if (named.isEmpty()) {
            return offered;
        }
        Set<Optional<Period>> asked = named.get().stream().map(FeedPeriods::parse).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return offered.stream().filter(asked::contains).toList();
    }

    private static List<Entity> order(List<Entity> rows, List<OrderByItem> orders) throws ODataApplicationException {
        // Evaluated once per row and item, so that a bad expression is a 400 before sorting starts.
        List<Object[]> keys = new ArrayList<>();
        for (Entity row : rows) {
            Object[] key = new Object[orders.size()];
            for (int i = 0; i < orders.size(); i++) {
                key[i] = RowExpressions.evaluate(orders.get(i).getExpression(), row);
            }
            keys.add(key);
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            positions.add(i);
        }
        Comparator<Integer> byItems = (a, b) -> {
            for (int i = 0; i < orders.size(); i++) {
                int c = RowExpressions.compare(keys.get(a)[i], keys.get(b)[i]);
                if (c != 0) {
                    return orders.get(i).isDescending() ? -c : c;
                }
            }
            return 0;
        };
        positions.sort(byItems);
        return positions.stream().map(rows::get).toList();
    }

    private static int skip(UriInfo uri) {
        return uri.getSkipOption() == null ? 0 : uri.getSkipOption().getValue();
    }

    private static int start(UriInfo uri) throws ODataApplicationException {
        if (uri.getSkipTokenOption() == null) {
            return skip(uri);
        }
        try {
            int position = Integer.parseInt(uri.getSkipTokenOption().getValue());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw RowExpressions.badRequest("$skiptoken is not one this feed issued; follow @odata.nextLink as given.");
        }
    }

    private int pageSize(ODataRequest request, ODataResponse response) {
        Integer preferred = odata.createPreferences(request.getHeaders(HttpHeader.PREFER)).getMaxPageSize();
        if (preferred != null && preferred > 0 && preferred < pageSize) {
            response.setHeader(HttpHeader.PREFERENCE_APPLIED, "odata.maxpagesize=" + preferred);
            return preferred;
        }
        return pageSize;
    }

    /** The request's own URL with {@code $skiptoken} set to the next row: every other option stays as asked. */
    private static URI next(ODataRequest request, int position) {
        StringBuilder query = new StringBuilder();
        String raw = request.getRawQueryPath();
        if (raw != null && !raw.isEmpty()) {
            for (String option : raw.split("&")) {
                String name = URLDecoder.decode(option.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!option.isEmpty() && !name.equals(SKIP_TOKEN)) {
                    query.append(query.isEmpty() ? "" : "&").append(option);
                }
            }
        }
        query.append(query.isEmpty() ? "" : "&").append("%24skiptoken=").append(position);
        return URI.create(request.getRawBaseUri() + request.getRawODataPath() + "?" + query);
    }

    private static void expand(EdmEntitySet set, List<Entity> rows, ExpandOption expand) throws ODataApplicationException {
        for (ExpandItem item : expand.getExpandItems()) {
            List<UriResource> path = item.getResourcePath() == null ? List.of() : item.getResourcePath().getUriResourceParts();
            if (item.isStar() || path.size() != 1 || !(path.get(0) instanceof UriResourceNavigation navigation)) {
                throw RowExpressions.badRequest("$expand takes the name of a navigation property, e.g. $expand=site.");
            }
            String name = navigation.getProperty().getName();
            CodeList list = FeedModel.codeList(set.getRelatedBindingTarget(name).getName()).orElseThrow();
            for (Entity row : rows) {
                Link link = new Link();
                link.setTitle(name);
                String key = (String) row.getProperty(FeedModel.KEY).getValue();
                list.row(key).ifPresent(codes -> link.setInlineEntity(entity(list, codes)));
                row.getNavigationLinks().add(link);
            }
        }
    }

    private static Entity entity(FeedTable table, FeedRow row) {
        Entity entity = new Entity();
        entity.addProperty(text(FeedModel.PERIOD, row.period()));
        entity.addProperty(text(FeedModel.PERIOD_TYPE, row.periodType()));
        entity.addProperty(text(FeedModel.KEY, row.key()));
        entity.addProperty(text(FeedModel.LABEL, row.label()));
        for (Metric metric : table.measure().metrics()) {
            entity.addProperty(cell(metric, row.values().get(metric.name())));
        }
        return entity;
    }

    /** A withheld cell is {@code null} with {@code KiNetz.withheld: true}, never 0, which would read as a real value. */
    private static Property cell(Metric metric, CellValue value) {
        if (value instanceof CellValue.Count count) {
            return new Property(EdmPrimitiveTypeKind.Int64.getFullQualifiedName().toString(), metric.name(),
                    ValueType.PRIMITIVE, count.value());
        }
        if (value instanceof CellValue.Amount amount) {
            return new Property(EdmPrimitiveTypeKind.Decimal.getFullQualifiedName().toString(), metric.name(),
                    ValueType.PRIMITIVE, amount.value());
        }
        Property withheld = new Property(null, metric.name(), ValueType.PRIMITIVE, null);
        if (value instanceof CellValue.Suppressed) {
            Annotation annotation = new Annotation();
            annotation.setTerm(FeedModel.WITHHELD);
            // Olingo's annotation writer looks the type up by its bare name.
            annotation.setType(EdmPrimitiveTypeKind.Boolean.name());
            annotation.setValue(ValueType.PRIMITIVE, Boolean.TRUE);
            withheld.getAnnotations().add(annotation);
        }
        return withheld;
    }

    private static Entity entity(CodeList list, List<String> values) {
        Entity entity = new Entity();
        for (int i = 0; i < list.columns().size(); i++) {
            entity.addProperty(text(list.columns().get(i).name(), values.get(i)));
        }
        return entity;
    }

    private static Property text(String name, String value) {
        return new Property(EdmPrimitiveTypeKind.String.getFullQualifiedName().toString(), name, ValueType.PRIMITIVE, value);
    }
}
