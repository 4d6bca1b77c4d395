package io.promptmanager.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link ConsoleBrowserlessTest}: its platform runs prompts on a fake provider with
 * OpenRouter's id and has a key storage that really encrypts, so users can test, save and use
 * their own key (the fake answers key checks as the test scripts it).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ByokReady {
}
