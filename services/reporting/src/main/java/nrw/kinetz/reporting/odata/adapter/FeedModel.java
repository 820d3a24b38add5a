package nrw.kinetz.reporting.odata.adapter;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.edm.provider.CsdlAbstractEdmProvider;
import org.apache.olingo.commons.api.edm.provider.CsdlAnnotation;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainer;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityContainerInfo;
import org.apache.olingo.commons.api.edm.provider.CsdlEntitySet;
import org.apache.olingo.commons.api.edm.provider.CsdlEntityType;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlNavigationPropertyBinding;
import org.apache.olingo.commons.api.edm.provider.CsdlProperty;
import org.apache.olingo.commons.api.edm.provider.CsdlPropertyRef;
import org.apache.olingo.commons.api.edm.provider.CsdlReferentialConstraint;
import org.apache.olingo.commons.api.edm.provider.CsdlSchema;
import org.apache.olingo.commons.api.edm.provider.CsdlTerm;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlConstantExpression;
import org.apache.olingo.commons.api.edm.provider.annotation.CsdlConstantExpression.ConstantExpressionType;
import org.apache.olingo.commons.api.edmx.EdmxReference;
import org.apache.olingo.commons.api.edmx.EdmxReferenceInclude;

import nrw.kinetz.reporting.aggregate.Metric;
import nrw.kinetz.reporting.odata.CodeList;
import nrw.kinetz.reporting.odata.FeedTable;

/**
 * The feed's entity data model ({@code $metadata}): one entity set per measure and grouping, keyed by period and
 * group, and one per code list, keyed by code; German descriptions as {@code Core.Description} annotations.
 * Counts are {@code Edm.Int64}, euros and full-time equivalents {@code Edm.Decimal} with scale 2. Every figure is
 * nullable, because a withheld cell is {@code null} with the instance annotation {@value #WITHHELD}.
 */
final class FeedModel extends CsdlAbstractEdmProvider {

    static final String NAMESPACE = "KiNetz";
    static final FullQualifiedName CONTAINER = new FullQualifiedName(NAMESPACE, "Reporting");
    /** The instance annotation on a withheld cell. */
    static final String WITHHELD = NAMESPACE + ".withheld";
    static final String PERIOD = "period";
    static final String PERIOD_TYPE = "periodType";
    static final String KEY = "key";
    static final String LABEL = "label";

    private static final String CORE = "Org.OData.Core.V1";
    private static final FullQualifiedName DESCRIPTION = new FullQualifiedName(CORE, "Description");
    /**
     * Relative to {@code $metadata}: served by the service itself (the terms it uses), so that a client resolving
     * references (Olingo's does) needs no internet access, as on an office network.
     */
    private static final URI CORE_VOCABULARY = URI.create("../vocabularies/Org.OData.Core.V1.xml");

    private final List<FeedTable> tables;
    private final Map<String, CsdlEntityType> types = new LinkedHashMap<>();
    private final Map<String, CsdlEntitySet> sets = new LinkedHashMap<>();
    private final CsdlTerm withheld = new CsdlTerm().setName("withheld")
            .setType(EdmPrimitiveTypeKind.Boolean.getFullQualifiedName().getFullQualifiedNameAsString())
            .setAppliesTo(List.of("Property"))
            .setAnnotations(description("Der Wert wird zum Schutz kleiner Fallzahlen zurückgehalten (Geheimhaltung); "
                    + "er ist nicht 0. Nur die LaKI sieht ihn."));

    FeedModel(List<FeedTable> tables) {
        this.tables = List.copyOf(tables);
        for (FeedTable table : tables) {
            types.put(table.name(), tableType(table));
            sets.put(table.name(), tableSet(table));
        }
        for (CodeList list : CodeList.ALL) {
            types.put(list.name(), codeListType(list));
            sets.put(list.name(), new CsdlEntitySet().setName(list.name()).setType(type(list.name()))
                    .setAnnotations(description(list.description())));
        }
    }

    /** The vocabularies {@code $metadata} refers to. */
    static List<EdmxReference> references() {
        EdmxReference core = new EdmxReference(CORE_VOCABULARY);
        core.addInclude(new EdmxReferenceInclude(CORE, "Core"));
        return List.of(core);
    }

    List<FeedTable> tables() {
        return tables;
    }

    Optional<FeedTable> table(String entitySet) {
        return tables.stream().filter(t -> t.name().equals(entitySet)).findFirst();
    }

    static Optional<CodeList> codeList(String entitySet) {
        return CodeList.ALL.stream().filter(l -> l.name().equals(entitySet)).findFirst();
    }

    private static CsdlEntityType tableType(FeedTable table) {
        List<CsdlProperty> properties = new ArrayList<>(List.of(
                text(PERIOD, "Zeitraum: gesamt, ein Jahr (2026), ein Quartal (2026-Q3) oder ein Monat (2026-07)"),
                text(PERIOD_TYPE, "Art des Zeitraums: gesamt, Jahr, Quartal oder Monat"),
                text(KEY, "Schlüssel der Gruppe (" + table.dimensionLabel() + ")"),
                text(LABEL, table.dimensionLabel())));
        for (Metric metric : table.measure().metrics()) {
            CsdlProperty property = new CsdlProperty().setName(metric.name()).setNullable(true)
                    .setAnnotations(description(metric.label() + (metric.countsPeople()
                            ? " (Personen: exakt nur für die LaKI, sonst auf 5 gerundet; 1 bis 4 null mit KiNetz.withheld)" : "")));
            if (metric.decimal()) {
                property.setType(EdmPrimitiveTypeKind.Decimal.getFullQualifiedName()).setPrecision(19).setScale(2);
            } else {
                property.setType(EdmPrimitiveTypeKind.Int64.getFullQualifiedName());
            }
            properties.add(property);
        }
        CsdlEntityType type = new CsdlEntityType().setName(table.name()).setProperties(properties)
                .setKey(List.of(new CsdlPropertyRef().setName(PERIOD), new CsdlPropertyRef().setName(KEY)))
                .setAnnotations(description(table.description()));
        CodeList.of(table.dimension()).ifPresent(list -> type.setNavigationProperties(List.of(new CsdlNavigationProperty()
                .setName(table.dimension().parameter()).setType(type(list.name())).setNullable(true)
                .setReferentialConstraints(List.of(new CsdlReferentialConstraint().setProperty(KEY).setReferencedProperty(CodeList.KEY)))
                .setAnnotations(description(table.dimensionLabel() + " aus der Codeliste " + list.name())))));
        return type;
    }

    private static CsdlEntitySet tableSet(FeedTable table) {
        CsdlEntitySet set = new CsdlEntitySet().setName(table.name()).setType(type(table.name()))
                .setAnnotations(description(table.description()));
        CodeList.of(table.dimension()).ifPresent(list -> set.setNavigationPropertyBindings(List.of(
                new CsdlNavigationPropertyBinding().setPath(table.dimension().parameter()).setTarget(list.name()))));
        return set;
    }

    private static CsdlEntityType codeListType(CodeList list) {
        List<CsdlProperty> properties = new ArrayList<>();
        list.columns().forEach(column -> properties.add(text(column.name(), column.description())));
        return new CsdlEntityType().setName(list.name()).setProperties(properties)
                .setKey(List.of(new CsdlPropertyRef().setName(CodeList.KEY)))
                .setAnnotations(description(list.description()));
    }

    private static CsdlProperty text(String name, String description) {
        return new CsdlProperty().setName(name).setType(EdmPrimitiveTypeKind.String.getFullQualifiedName())
                .setNullable(false).setAnnotations(description(description));
    }

    private static List<CsdlAnnotation> description(String text) {
        return List.of(new CsdlAnnotation().setTerm(DESCRIPTION.getFullQualifiedNameAsString())
                .setExpression(new CsdlConstantExpression(ConstantExpressionType.String, text)));
    }

    private static FullQualifiedName type(String name) {
        return new FullQualifiedName(NAMESPACE, name);
    }

    @Override
    public CsdlEntityType getEntityType(FullQualifiedName name) {
        return NAMESPACE.equals(name.getNamespace()) ? types.get(name.getName()) : null;
    }

    @Override
    public CsdlEntitySet getEntitySet(FullQualifiedName container, String name) {
        return CONTAINER.equals(container) ? sets.get(name) : null;
    }

    @Override
    public CsdlTerm getTerm(FullQualifiedName name) {
        if (DESCRIPTION.equals(name)) {
            return new CsdlTerm().setName(DESCRIPTION.getName())
                    .setType(EdmPrimitiveTypeKind.String.getFullQualifiedName().getFullQualifiedNameAsString());
        }
        return NAMESPACE.equals(name.getNamespace()) && withheld.getName().equals(name.getName()) ? withheld : null;
    }

    @Override
    public CsdlEntityContainer getEntityContainer() {
        return new CsdlEntityContainer().setName(CONTAINER.getName()).setEntitySets(new ArrayList<>(sets.values()));
    }

    @Override
    public CsdlEntityContainerInfo getEntityContainerInfo(FullQualifiedName name) {
        return name == null || CONTAINER.equals(name) ? new CsdlEntityContainerInfo().setContainerName(CONTAINER) : null;
    }

    @Override
    public List<CsdlSchema> getSchemas() {
        return List.of(new CsdlSchema().setNamespace(NAMESPACE).setEntityTypes(new ArrayList<>(types.values()))
                .setTerms(List.of(withheld)).setEntityContainer(getEntityContainer()));
    }
}
