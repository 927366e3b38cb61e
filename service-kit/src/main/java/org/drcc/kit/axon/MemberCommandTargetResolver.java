package org.drcc.kit.axon;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Which aggregate a command is for, read from its {@link TargetAggregateIdentifier} and {@link TargetAggregateVersion}
 * members as Axon's {@link AnnotationCommandTargetResolver} reads them (methods first, then fields; the same errors),
 * except that the members are looked up once per command class. Axon's looks them up, annotations and all, on every
 * command: about 6 % of notification-service's CPU in a burst of messages (docs/benchmarks.md). Axon 4 has no
 * variant that remembers them, hence this one. Every aggregate without a resolver of its own uses it: Axon's
 * aggregate configuration takes the {@link CommandTargetResolver} component, which the Spring configuration finds
 * among the beans ({@link AxonKitAutoConfiguration}).
 */
public final class MemberCommandTargetResolver implements CommandTargetResolver {

    private final ClassValue<Members> members = new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> type) {
            return new Members(find(type, TargetAggregateIdentifier.class), find(type, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Members found = members.get(command.getPayloadType());
        Object identifier;
        Long version;
        try {
            identifier = read(found.identifier(), command.getPayload());
            version = asLong(read(found.version(), command.getPayload()));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("An exception occurred while extracting aggregate information form a "
                    + "command", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("The current security context does not allow extraction of aggregate "
                    + "information from the given command.", e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The value provided for the version is not a number.", e);
        }
        if (identifier == null) {
            throw new IllegalArgumentException(String.format("Invalid command. It does not identify the target "
                    + "aggregate. Make sure at least one of the fields or methods in the [%s] class contains the "
                    + "@TargetAggregateIdentifier annotation and that it returns a non-null value.",
                    command.getPayloadType().getSimpleName()));
        }
        return new VersionedAggregateIdentifier(identifier, version);
    }

    /** The command class's members that name its aggregate and its expected version (either null if none). */
    private record Members(AccessibleObject identifier, AccessibleObject version) {
    }

    /** As Axon's resolver searches: the first annotated method, else the first annotated field. */
    private static AccessibleObject find(Class<?> type, Class<? extends Annotation> annotation) {
        for (Method method : ReflectionUtils.methodsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(method, annotation)) {
                return ReflectionUtils.ensureAccessible(method);
            }
        }
        for (Field field : ReflectionUtils.fieldsOf(type)) {
            if (AnnotationUtils.isAnnotationPresent(field, annotation)) {
                return ReflectionUtils.ensureAccessible(field);
            }
        }
        return null;
    }

    private static Object read(AccessibleObject member, Object payload)
            throws InvocationTargetException, IllegalAccessException {
        if (member instanceof Method method) {
            return method.invoke(payload);
        }
        return member == null ? null : ((Field) member).get(payload);
    }

    private static Long asLong(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        return Long.parseLong(value.toString());
    }
}
