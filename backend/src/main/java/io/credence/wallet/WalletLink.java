package io.credence.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A wallet's link to a profile. Unlinking keeps the row as history. */
@Entity
@Table(name = "wallet_link")
class WalletLink {

  @Id private UUID id;

  @Column(name = "profile_id", nullable = false)
  private UUID profileId;

  @Column(name = "chain_family", nullable = false)
  private String chainFamily;

  @Column(name = "chain_id", nullable = false)
  private String chainId;

  @Column(nullable = false)
  private String address;

  @Column(name = "linked_at", nullable = false)
  private Instant linkedAt;

  @Column(name = "unlinked_at")
  private Instant unlinkedAt;

  @Version private long version;

  protected WalletLink() {}

  WalletLink(
      UUID id, UUID profileId, String chainFamily, String chainId, String address, Instant at) {
    this.id = id;
    this.profileId = profileId;
    this.chainFamily = chainFamily;
    this.chainId = chainId;
    this.address = address;
    this.linkedAt = at;
  }

  void unlink(Instant at) {
    this.unlinkedAt = at;
  }

  UUID id() {
    return id;
  }

  UUID profileId() {
    return profileId;
  }

  String chainFamily() {
    return chainFamily;
  }

  String chainId() {
    return chainId;
  }

  String address() {
    return address;
  }

  Instant linkedAt() {
    return linkedAt;
  }
}
