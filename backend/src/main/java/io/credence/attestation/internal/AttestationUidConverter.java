package io.credence.attestation.internal;

import io.credence.attestation.AttestationUid;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Persists an {@link AttestationUid} as a {@code bytea} of exactly 32 bytes. */
@Converter(autoApply = true)
public class AttestationUidConverter implements AttributeConverter<AttestationUid, byte[]> {

  @Override
  public byte[] convertToDatabaseColumn(AttestationUid uid) {
    return uid == null ? null : uid.bytes();
  }

  @Override
  public AttestationUid convertToEntityAttribute(byte[] value) {
    return value == null ? null : AttestationUid.of(value);
  }
}
