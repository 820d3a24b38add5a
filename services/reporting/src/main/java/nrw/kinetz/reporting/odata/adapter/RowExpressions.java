package nrw.kinetz.reporting.odata.adapter;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.olingo.commons.api.data.Entity;
import org.apache.olingo.commons.api.data.Property;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.Binary;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;

/**
 * Evaluates {@code $filter} and {@code $orderby} expressions on one row as it is shown to the caller. A withheld
 * cell is {@code null} here as in the answer, so a filter can only select among values the caller sees anyway
 * ({@code participants lt 3} is false for a withheld cell, as every comparison with {@code null} is): filtering
 * and ordering reveal nothing the unfiltered rows do not. Olingo parses and type-checks; this class evaluates the
 * comparison and logical operators, {@code in}, and the string functions {@code contains}, {@code startswith},
 * {@code endswith}, {@code tolower}, {@code toupper}, {@code trim} and {@code length}. Anything else is a 400.
 */
final class RowExpressions implements ExpressionVisitor<Object> {

    private final Entity row;

    private RowExpressions(Entity row) {
        this.row = row;
    }

    static Object evaluate(Expression expression, Entity row) throws ODataApplicationException {
        try {
            return expression.accept(new RowExpressions(row));
        } catch (ExpressionVisitException e) {
            throw badRequest(e.getMessage());
        }
    }

    static boolean matches(Expression filter, Entity row) throws ODataApplicationException {
        return Boolean.TRUE.equals(evaluate(filter, row));
    }

    /**
     * The values a filter allows for one text property, where the filter says so plainly ({@code period eq '2026'},
     * {@code period in ('2025','2026')}, joined by {@code and}/{@code or}); empty where it does not. Lets the feed
     * compute only the periods asked for; the filter itself is applied to the rows all the same.
     */
    static Optional<Set<String>> valuesOf(String property, Expression filter) {
        if (!(filter instanceof Binary binary)) {
            return Optional.empty();
        }
        BinaryOperatorKind operator = binary.getOperator();
        if (operator == BinaryOperatorKind.AND || operator == BinaryOperatorKind.OR) {
            Optional<Set<String>> left = valuesOf(property, binary.getLeftOperand());
            Optional<Set<String>> right = valuesOf(property, binary.getRightOperand());
            if (operator == BinaryOperatorKind.OR) {
                return left.isPresent() && right.isPresent() ? Optional.of(union(left.get(), right.get())) : Optional.empty();
            }
            if (left.isPresent() && right.isPresent()) {
                Set<String> both = new HashSet<>(left.get());
                both.retainAll(right.get());
                return Optional.of(both);
            }
            return left.isPresent() ? left : right;
        }
        if (!names(binary.getLeftOperand(), property)) {
            return Optional.empty();
        }
        if (operator == BinaryOperatorKind.EQ && binary.getRightOperand() instanceof Literal literal) {
            return text(literal).map(Set::of);
        }
        if (operator == BinaryOperatorKind.IN && binary.getExpressions() != null) {
            Set<String> values = new HashSet<>();
            for (Expression value : binary.getExpressions()) {
                Optional<String> text = value instanceof Literal literal ? text(literal) : Optional.empty();
                if (text.isEmpty()) {
                    return Optional.empty();
                }
                values.add(text.get());
            }
            return Optional.of(values);
        }
        return Optional.empty();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean names(Expression expression, String property) {
        if (!(expression instanceof Member member)) {
            return false;
        }
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        return parts.size() == 1 && parts.get(0) instanceof UriResourcePrimitiveProperty p
                && p.getProperty().getName().equals(property);
    }

    private static Optional<String> text(Literal literal) {
        Object value = literalValue(literal.getText());
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** Compares two shown values as OData orders them: {@code null} first, numbers by value, text by code point. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, Object right) throws ODataApplicationException {
        return switch (operator) {
            case AND -> Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right);
            case OR -> Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right);
            case EQ -> left == null || right == null ? left == right : compare(left, right) == 0;
            case NE -> left == null || right == null ? left != right : compare(left, right) != 0;
            // Every ordering comparison with null is false: a withheld cell is neither small nor large.
            case GT -> left != null && right != null && compare(left, right) > 0;
            case GE -> left != null && right != null && compare(left, right) >= 0;
            case LT -> left != null && right != null && compare(left, right) < 0;
            case LE -> left != null && right != null && compare(left, right) <= 0;
            default -> throw unsupported("the operator " + operator);
        };
    }

    @Override
    public Object visitBinaryOperator(BinaryOperatorKind operator, Object left, List<Object> right)
            throws ODataApplicationException {
        if (operator != BinaryOperatorKind.IN) {
            throw unsupported("the operator " + operator);
        }
        return left != null && right.stream().anyMatch(value -> value != null && compare(left, value) == 0);
    }

    @Override
    public Object visitUnaryOperator(UnaryOperatorKind operator, Object operand) throws ODataApplicationException {
        if (operator == UnaryOperatorKind.NOT) {
            return operand == null ? null : !Boolean.TRUE.equals(operand);
        }
        throw unsupported("the operator " + operator);
    }

    @Override
    public Object visitMethodCall(MethodKind method, List<Object> parameters) throws ODataApplicationException {
        Object first = parameters.isEmpty() ? null : parameters.get(0);
        Object second = parameters.size() < 2 ? null : parameters.get(1);
        return switch (method) {
            case CONTAINS -> first instanceof String s && second instanceof String t && s.contains(t);
            case STARTSWITH -> first instanceof String s && second instanceof String t && s.startsWith(t);
            case ENDSWITH -> first instanceof String s && second instanceof String t && s.endsWith(t);
            case TOLOWER -> first instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
            case TOUPPER -> first instanceof String s ? s.toUpperCase(Locale.ROOT) : null;
            case TRIM -> first instanceof String s ? s.strip() : null;
            case LENGTH -> first instanceof String s ? (Object) (long) s.length() : null;
            default -> throw unsupported("the function " + method);
        };
    }

    @Override
    public Object visitLiteral(Literal literal) {
        return literalValue(literal.getText());
    }

    private static Object literalValue(String text) {
        if ("null".equals(text)) {
            return null;
        }
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    @Override
    public Object visitMember(Member member) throws ODataApplicationException {
        List<UriResource> parts = member.getResourcePath().getUriResourceParts();
        if (parts.size() != 1 || !(parts.get(0) instanceof UriResourcePrimitiveProperty property)) {
            throw badRequest("Only the entity set's own properties can be filtered and ordered by, not "
                    + member.getResourcePath().getUriResourceParts());
        }
        Property value = row.getProperty(property.getProperty().getName());
        return value == null ? null : value.getValue();
    }

    @Override
    public Object visitLambdaExpression(String function, String variable, Expression expression) throws ODataApplicationException {
        throw unsupported("the lambda operator " + function);
    }

    @Override
    public Object visitAlias(String alias) throws ODataApplicationException {
        throw unsupported("the parameter alias " + alias);
    }

    @Override
    public Object visitTypeLiteral(EdmType type) throws ODataApplicationException {
        throw unsupported("type literals");
    }

    @Override
    public Object visitLambdaReference(String variable) throws ODataApplicationException {
        throw unsupported("lambda variables");
    }

    @Override
    public Object visitEnum(EdmEnumType type, List<String> values) throws ODataApplicationException {
        throw unsupported("enumeration literals");
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    private static ODataApplicationException unsupported(String what) {
        return badRequest("This feed does not support " + what + " in $filter or $orderby.");
    }

    static ODataApplicationException badRequest(String message) {
        return new ODataApplicationException(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT);
    }
}
