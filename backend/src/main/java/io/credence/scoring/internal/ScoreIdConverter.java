package io.credence.scoring.internal;

import io.credence.scoring.ScoreId;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/** Persists a {@link ScoreId} as the UUID column it wraps. */
@Converter(autoApply = true)
public class ScoreIdConverter implements AttributeConverter<ScoreId, UUID> {

  @Override
  public UUID convertToDatabaseColumn(ScoreId id) {
    return id == null ? null : id.value();
  }

  @Override
  public ScoreId convertToEntityAttribute(UUID value) {
    return value == null ? null : new ScoreId(value);
  }
}
