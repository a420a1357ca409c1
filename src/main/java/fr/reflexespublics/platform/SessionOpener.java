package fr.reflexespublics.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * One of the engine's custom session factories: where a command asks for a session of
 * {@code type}, it gets one from {@code opener}, a new one per command.
 */
record SessionOpener(Class<?> type, Supplier<? extends Session> opener) implements SessionFactory {

  @Override
  public Class<?> getSessionType() {
    return type;
  }

  @Override
  public Session openSession() {
    return opener.get();
  }
}
