package io.promptmanager.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.i18n.ConsoleI18NProvider;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;

/**
 * Creates views and components. Vaadin's own classes, and ours with a public no-argument
 * constructor, are created as Vaadin always does; a console class whose only public constructor
 * takes parameters gets them by type from the {@link ConsoleContext} (core services, account
 * settings) or, for {@link SignedInUser}, the user this navigation was checked for.
 */
final class ConsoleInstantiator extends DefaultInstantiator {
    private static final String CONSOLE_PACKAGE = "io.promptmanager.ui.";

    private final transient VaadinService service;
    private final I18NProvider i18n = new ConsoleI18NProvider();

    ConsoleInstantiator(VaadinService service) {
        super(service);
        this.service = service;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        Constructor<?> constructor = injectionConstructor(type);
        return constructor == null ? super.getOrCreate(type) : type.cast(construct(type, constructor));
    }

    @Override
    public <T extends Component> T createComponent(Class<T> type) {
        Constructor<?> constructor = injectionConstructor(type);
        return constructor == null ? super.createComponent(type) : type.cast(construct(type, constructor));
    }

    @Override
    public I18NProvider getI18NProvider() {
        return i18n;
    }

    /** The constructor to inject, or null when the class has a public no-argument one. */
    static Constructor<?> injectionConstructor(Class<?> type) {
        if (!type.getName().startsWith(CONSOLE_PACKAGE)) {
            return null;
        }
        Constructor<?>[] constructors = type.getConstructors();
        if (Arrays.stream(constructors).anyMatch(c -> c.getParameterCount() == 0)
                || Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            return null;
        }
        if (constructors.length != 1) {
            throw new IllegalStateException(type.getName()
                    + " must have exactly one public constructor to be created by the console");
        }
        return constructors[0];
    }

    private Object construct(Class<?> type, Constructor<?> constructor) {
        Map<Class<?>, Object> injectables = ConsoleContext.of(service).injectables();
        Object[] arguments = Arrays.stream(constructor.getParameterTypes())
                .map(parameter -> argument(type, parameter, injectables))
                .toArray();
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot create " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }

    private static Object argument(Class<?> type, Class<?> parameter, Map<Class<?>, Object> injectables) {
        if (parameter == SignedInUser.class) {
            return SignedInUser.of(UI.getCurrent());
        }
        Object value = injectables.get(parameter);
        if (value == null) {
            throw new IllegalStateException("Cannot create " + type.getName() + ": the console has nothing of type "
                    + parameter.getName() + " to give its constructor");
        }
        return value;
    }
}
