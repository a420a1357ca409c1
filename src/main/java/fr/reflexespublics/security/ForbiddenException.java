package fr.reflexespublics.security;

/** Thrown by application endpoints; answered as JSON by {@link ApiExceptionHandler}. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
