package io.promptmanager.ui;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;

/** Registered in {@code META-INF/services}: makes Vaadin create views with {@link ConsoleInstantiator}. */
public final class ConsoleInstantiatorFactory implements InstantiatorFactory {
    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new ConsoleInstantiator(service);
    }
}
