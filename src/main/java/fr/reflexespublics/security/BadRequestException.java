package fr.reflexespublics.security;

/** Thrown by application endpoints; answered as JSON by {@link ApiExceptionHandler}. */
public class BadRequestException extends RuntimeException {

  public BadRequestException(String message) {
    super(message);
  }
}
