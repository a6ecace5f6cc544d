package io.credence.borrower.internal;

import io.credence.borrower.ProfileId;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface BorrowerProfileRepository extends JpaRepository<BorrowerProfile, UUID> {

  /** The profile, row-locked (SELECT … FOR UPDATE) until the caller's transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from BorrowerProfile p where p.id = ?1")
  Optional<BorrowerProfile> lockById(UUID id);

  default Optional<BorrowerProfile> lockById(ProfileId id) {
    return lockById(id.value());
  }
}
