package io.credence.auth.internal;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AuthNonceRepository extends JpaRepository<AuthNonce, String> {

  /** Marks the nonce used if it is still fresh; 1 when this caller won, 0 otherwise. */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      "update AuthNonce n set n.consumedAt = :now"
          + " where n.nonce = :nonce and n.consumedAt is null and n.expiresAt > :now")
  int consume(@Param("nonce") String nonce, @Param("now") Instant now);

  @Modifying
  @Query("delete from AuthNonce n where n.expiresAt < :cutoff")
  int deleteExpiredBefore(@Param("cutoff") Instant cutoff);
}
