package fr.reflexespublics.organisation;

/** Demo data of a module, seeded after the demo organisation (demo profile only). Idempotent. */
public interface DemoData {

  void seed();
}
