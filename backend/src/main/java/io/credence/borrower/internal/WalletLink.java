package io.credence.borrower.internal;

import io.credence.auth.ChainFamily;
import io.credence.borrower.ProfileId;
import io.credence.borrower.WalletLinkId;
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
public class WalletLink {

  // JPA applies no converter to an @Id, so the key is the raw UUID and id() types it.
  @Id private UUID id;

  @Column(name = "profile_id", nullable = false)
  private ProfileId profileId;

  @Column(name = "chain_family", nullable = false)
  private ChainFamily chainFamily;

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

  public WalletLink(
      WalletLinkId id,
      ProfileId profileId,
      ChainFamily chainFamily,
      String chainId,
      String address,
      Instant at) {
    this.id = id.value();
    this.profileId = profileId;
    this.chainFamily = chainFamily;
    this.chainId = chainId;
    this.address = address;
    this.linkedAt = at;
  }

  public void unlink(Instant at) {
    this.unlinkedAt = at;
  }

  public WalletLinkId id() {
    return new WalletLinkId(id);
  }

  public ProfileId profileId() {
    return profileId;
  }

  public ChainFamily chainFamily() {
    return chainFamily;
  }

  public String chainId() {
    return chainId;
  }

  public String address() {
    return address;
  }

  public Instant linkedAt() {
    return linkedAt;
  }
}
