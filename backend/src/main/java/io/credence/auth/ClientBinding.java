package io.credence.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret that ties a nonce to the session that fetched it. It lives in the session (surviving
 * the session-id change at sign-in) and only its SHA-256 is stored with the nonce; it is never sent
 * to the client.
 */
public final class ClientBinding {

  private static final String ATTRIBUTE = "credence.nonce-binding";

  private final String secret;

  private ClientBinding(String secret) {
    this.secret = secret;
  }

  /** The binding of the caller's session, creating the session and its secret if needed. */
  public static ClientBinding of(HttpServletRequest request, SecureRandom random) {
    HttpSession session = request.getSession(true);
    if (session.getAttribute(ATTRIBUTE) instanceof String existing) {
      return new ClientBinding(existing);
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    session.setAttribute(ATTRIBUTE, secret);
    return new ClientBinding(secret);
  }

  /** The binding of the caller's existing session, if it ever fetched a nonce. */
  public static Optional<ClientBinding> existing(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(ATTRIBUTE) instanceof String existing) {
      return Optional.of(new ClientBinding(existing));
    }
    return Optional.empty();
  }

  /** SHA-256 of the secret: what the nonce row stores. */
  public byte[] digest() {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ClientBinding[secret hidden]";
  }
}
