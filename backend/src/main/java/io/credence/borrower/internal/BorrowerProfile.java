package io.credence.borrower.internal;

import io.credence.borrower.ProfileId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "borrower_profile")
public class BorrowerProfile {

  // JPA applies no converter to an @Id, so the key is the raw UUID and id() types it.
  @Id private UUID id;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected BorrowerProfile() {}

  public BorrowerProfile(ProfileId id, Instant createdAt) {
    this.id = id.value();
    this.createdAt = createdAt;
  }

  public ProfileId id() {
    return new ProfileId(id);
  }
}
