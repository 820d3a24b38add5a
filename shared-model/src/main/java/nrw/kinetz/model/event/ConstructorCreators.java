package nrw.kinetz.model.event;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Creates payload records (and any type Jackson builds through a constructor with arguments) with a method handle made
 * once per type. Jackson itself calls such a constructor through {@code MethodHandle.invokeWithArguments}, which
 * adapts the handle anew on every call: in a replay profile that was most of building an {@code ActivityReported}
 * with its {@code ActivityMetrics}. What the constructor throws is reported exactly as Jackson reports it.
 */
final class ConstructorCreators implements ValueInstantiators {

    @Override
    public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier description) {
        return null;
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier description,
            ValueInstantiator instantiator) {
        if (instantiator.getClass() == StdValueInstantiator.class
                && ((StdValueInstantiator) instantiator).getWithArgsCreator() instanceof AnnotatedConstructor creator) {
            MethodHandle handle = spread(creator.getAnnotated());
            if (handle != null) {
                return new Spread((StdValueInstantiator) instantiator, handle);
            }
        }
        return instantiator;
    }

    /** @return the constructor as {@code (Object[]) -> Object}, or null where it cannot be made accessible */
    static MethodHandle spread(Constructor<?> constructor) {
        try {
            constructor.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, constructor.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // left to Jackson's own call
        }
    }

    /** Jackson's instantiator, but for the call of the constructor with arguments. */
    static final class Spread extends StdValueInstantiator {

        private final MethodHandle constructor;

        Spread(StdValueInstantiator source, MethodHandle constructor) {
            super(source);
            this.constructor = constructor;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
            try {
                return (Object) constructor.invokeExact(arguments);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                return context.handleInstantiationProblem(_valueClass, arguments, rewrapCtorProblem(context, e));
            }
        }
    }
}
