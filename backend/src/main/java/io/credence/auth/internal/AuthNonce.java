package io.credence.auth.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "auth_nonce")
public class AuthNonce {

  @Id private String nonce;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "consumed_at")
  private Instant consumedAt;

  protected AuthNonce() {}

  AuthNonce(String nonce, Instant issuedAt, Instant expiresAt) {
    this.nonce = nonce;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public String nonce() {
    return nonce;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  boolean consumed() {
    return consumedAt != null;
  }
}
