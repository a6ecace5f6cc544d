package io.credence.history.internal;

/** The lending protocols whose events are read; {@link #slug()} is the name exported. */
public enum Protocol {
  AAVE_V3("aave-v3"),
  COMPOUND_V3("compound-v3");

  private final String slug;

  Protocol(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }
}
