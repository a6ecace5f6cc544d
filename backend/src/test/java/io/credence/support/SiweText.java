package io.credence.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds EIP-4361 text field by field, so tests can get any one field wrong on purpose. */
public record SiweText(
    String domain,
    String account,
    String address,
    String statement,
    String uri,
    String version,
    String chainId,
    String nonce,
    Instant issuedAt,
    Instant expirationTime,
    Instant notBefore) {

  public static SiweText evm(String origin, String address, String chainId, String nonce) {
    String domain = origin.replaceFirst("^https?://", "");
    return new SiweText(
        domain,
        "Ethereum",
        address,
        "Sign in to Credence.",
        origin,
        "1",
        chainId,
        nonce,
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        null,
        null);
  }

  public static SiweText solana(String origin, String address, String cluster, String nonce) {
    SiweText evm = evm(origin, address, cluster, nonce);
    return new SiweText(
        evm.domain,
        "Solana",
        address,
        evm.statement,
        origin,
        "1",
        cluster,
        nonce,
        evm.issuedAt,
        null,
        null);
  }

  public SiweText withDomain(String value) {
    return new SiweText(
        value,
        account,
        address,
        statement,
        uri,
        version,
        chainId,
        nonce,
        issuedAt,
        expirationTime,
        notBefore);
  }

  public SiweText withUri(String value) {
    return new SiweText(
        domain,
        account,
        address,
        statement,
        value,
        version,
        chainId,
        nonce,
        issuedAt,
        expirationTime,
        notBefore);
  }

  public SiweText withChainId(String value) {
    return new SiweText(
        domain,
        account,
        address,
        statement,
        uri,
        version,
        value,
        nonce,
        issuedAt,
        expirationTime,
        notBefore);
  }

  public SiweText withExpirationTime(Instant value) {
    return new SiweText(
        domain, account, address, statement, uri, version, chainId, nonce, issuedAt, value,
        notBefore);
  }

  public SiweText withNotBefore(Instant value) {
    return new SiweText(
        domain,
        account,
        address,
        statement,
        uri,
        version,
        chainId,
        nonce,
        issuedAt,
        expirationTime,
        value);
  }

  public String text() {
    StringBuilder s = new StringBuilder();
    s.append(domain)
        .append(" wants you to sign in with your ")
        .append(account)
        .append(" account:\n");
    s.append(address).append("\n\n");
    if (statement != null) {
      s.append(statement).append("\n\n");
    } else {
      s.append("\n");
    }
    s.append("URI: ").append(uri).append('\n');
    s.append("Version: ").append(version).append('\n');
    s.append("Chain ID: ").append(chainId).append('\n');
    s.append("Nonce: ").append(nonce).append('\n');
    s.append("Issued At: ").append(issuedAt);
    if (expirationTime != null) {
      s.append("\nExpiration Time: ").append(expirationTime);
    }
    if (notBefore != null) {
      s.append("\nNot Before: ").append(notBefore);
    }
    return s.toString();
  }
}
