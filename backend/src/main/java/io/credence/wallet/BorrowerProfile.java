package io.credence.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "borrower_profile")
class BorrowerProfile {

  @Id private UUID id;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected BorrowerProfile() {}

  BorrowerProfile(UUID id, Instant createdAt) {
    this.id = id;
    this.createdAt = createdAt;
  }

  UUID id() {
    return id;
  }
}
