package io.credence.scoring;

import java.util.Objects;
import java.util.UUID;

/** One immutable score run. */
public record ScoreId(UUID value) {

  public ScoreId {
    Objects.requireNonNull(value, "value");
  }

  public static ScoreId random() {
    return new ScoreId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
