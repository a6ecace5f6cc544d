package io.credence.borrower;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A borrower profile's identity. Typed so it cannot be swapped with a wallet link's id. */
public record ProfileId(UUID value) implements Serializable {

  public ProfileId {
    Objects.requireNonNull(value, "value");
  }

  public static ProfileId random() {
    return new ProfileId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
