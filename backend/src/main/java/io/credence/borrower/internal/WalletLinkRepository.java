package io.credence.borrower.internal;

import io.credence.auth.ChainFamily;
import io.credence.borrower.ProfileId;
import io.credence.borrower.WalletLinkId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WalletLinkRepository extends JpaRepository<WalletLink, UUID> {

  @Query(
      "select w from WalletLink w where w.chainFamily = ?1 and w.address = ?2"
          + " and w.unlinkedAt is null")
  Optional<WalletLink> findActive(ChainFamily chainFamily, String address);

  @Query(
      "select w from WalletLink w where w.profileId = ?1 and w.unlinkedAt is null"
          + " order by w.linkedAt")
  List<WalletLink> findActiveByProfile(ProfileId profileId);

  @Query("select w from WalletLink w where w.id = ?1 and w.profileId = ?2 and w.unlinkedAt is null")
  Optional<WalletLink> findActiveOwned(UUID id, ProfileId profileId);

  default Optional<WalletLink> findActiveOwned(WalletLinkId id, ProfileId profileId) {
    return findActiveOwned(id.value(), profileId);
  }
}
