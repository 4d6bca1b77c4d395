package io.promptmanager.ui;

import io.promptmanager.core.testing.TestPlatform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * On a {@link ConsoleBrowserlessTest}: the platform its views run on, when the default one (a
 * fake model provider, no key storage, no plugins) does not fit.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConsolePlatform {
    /** Starts the platform; it needs a public no-argument constructor. */
    Class<? extends Supplier<TestPlatform>> value();
}
