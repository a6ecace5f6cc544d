package io.credence.borrower.internal;

import io.credence.auth.ChainFamily;
import io.credence.borrower.ProfileId;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Typed values as the database stores them. Keys stay raw UUIDs in the entities (JPA applies no
 * converter to an {@code @Id}); references to them, such as a link's profile, use these.
 */
final class IdConverters {

  private IdConverters() {}

  @Converter(autoApply = true)
  static final class ProfileIdConverter implements AttributeConverter<ProfileId, UUID> {
    @Override
    public UUID convertToDatabaseColumn(ProfileId id) {
      return id == null ? null : id.value();
    }

    @Override
    public ProfileId convertToEntityAttribute(UUID value) {
      return value == null ? null : new ProfileId(value);
    }
  }

  /** Stored as its stable lower-case code ({@code evm}, {@code solana}), which a CHECK enforces. */
  @Converter(autoApply = true)
  static final class ChainFamilyConverter implements AttributeConverter<ChainFamily, String> {
    @Override
    public String convertToDatabaseColumn(ChainFamily family) {
      return family == null ? null : family.code();
    }

    @Override
    public ChainFamily convertToEntityAttribute(String code) {
      return code == null ? null : ChainFamily.fromCode(code);
    }
  }
}
