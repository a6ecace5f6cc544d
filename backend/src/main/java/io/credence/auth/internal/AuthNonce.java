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

  @Column(name = "purpose", nullable = false)
  private String purpose;

  /** SHA-256 of the fetching session's binding secret; null only for nonces from before V5. */
  @Column(name = "binding")
  private byte[] binding;

  protected AuthNonce() {}

  AuthNonce(String nonce, Instant issuedAt, Instant expiresAt, String purpose, byte[] binding) {
    this.nonce = nonce;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.purpose = purpose;
    this.binding = binding.clone();
  }

  String purpose() {
    return purpose;
  }

  boolean boundTo(byte[] candidate) {
    return binding != null && java.security.MessageDigest.isEqual(binding, candidate);
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
