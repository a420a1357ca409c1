package fr.reflexespublics.security;

/** Thrown by application endpoints; answered as JSON by {@link ApiExceptionHandler}. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
