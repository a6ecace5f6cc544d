package io.credence.attestations;

import io.credence.attestations.RegistryException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Maps revert data (custom error selectors) of the registry and verifier to typed reasons. */
final class RevertDecoder {

  /** The Solidity verifier's {@code Reason} enum, in order (a test ties it to zk's enum). */
  static final String[] VERIFIER_REASONS = {
    "WRONG_LENGTH",
    "ROUND_COUNT_MISMATCH",
    "NON_CANONICAL_POINT",
    "POINT_NOT_ON_CURVE",
    "IDENTITY_POINT",
    "SCALAR_OUT_OF_RANGE",
    "UNSUPPORTED_PARAMETERS",
    "ZERO_CHALLENGE",
    "EQUATION_FAILED"
  };

  record Known(String signature, Reason reason) {}

  static final Map<String, Known> BY_SELECTOR =
      Stream.of(
              new Known("InvalidIssuerSignature()", Reason.INVALID_ISSUER_SIGNATURE),
              new Known("UnauthorizedIssuer(address)", Reason.UNAUTHORIZED_ISSUER),
              new Known("IssuerSuspended(address,uint48)", Reason.ISSUER_SUSPENDED),
              new Known("AttestationExpired(uint64)", Reason.ATTESTATION_EXPIRED),
              new Known("IssuedInFuture(uint64)", Reason.ISSUED_IN_FUTURE),
              new Known("ValidityTooLong(uint64,uint48)", Reason.VALIDITY_TOO_LONG),
              new Known("TimestampOutOfRange(uint64)", Reason.TIMESTAMP_OUT_OF_RANGE),
              new Known("InvalidStatement()", Reason.INVALID_STATEMENT),
              new Known("ConsentRequired(address)", Reason.CONSENT_REQUIRED),
              new Known("InvalidConsent()", Reason.INVALID_CONSENT),
              new Known("ProofHashMismatch(bytes32,bytes32)", Reason.PROOF_HASH_MISMATCH),
              new Known("AlreadyMinted(bytes32)", Reason.ALREADY_MINTED),
              new Known("AttestationRevoked(bytes32)", Reason.ATTESTATION_REVOKED),
              new Known("UnknownAttestation(bytes32)", Reason.UNKNOWN_ATTESTATION),
              new Known("NotIssuer(address)", Reason.NOT_ISSUER),
              new Known("InvalidRevocationSignature()", Reason.INVALID_REVOCATION_SIGNATURE),
              new Known("InvalidSuspension()", Reason.INVALID_SUSPENSION),
              new Known("ZeroAddress()", Reason.ZERO_ADDRESS),
              new Known("Soulbound()", Reason.SOULBOUND),
              new Known("InvalidProof(uint8)", Reason.INVALID_PROOF),
              new Known("AccessControlUnauthorizedAccount(address,bytes32)", Reason.ACCESS_DENIED),
              new Known("AccessControlBadConfirmation()", Reason.ACCESS_DENIED))
          .collect(Collectors.toMap(k -> selector(k.signature()), k -> k));

  private RevertDecoder() {}

  /** Decodes {@code 0x}-hex revert data into a typed exception (never throws itself). */
  static RegistryException decode(String revertData, String fallbackMessage) {
    if (revertData == null || revertData.length() < 10) {
      return new RegistryException(Reason.OTHER_REVERT, fallbackMessage, null, null);
    }
    String trimmed = revertData.replace("\"", "").trim();
    String data = trimmed.startsWith("0x") ? trimmed : "0x" + trimmed;
    String sel = data.substring(0, 10).toLowerCase(java.util.Locale.ROOT);
    Known known = BY_SELECTOR.get(sel);
    if (known != null) {
      String detail = known.signature().replaceAll("\\(.*", "");
      if (known.reason() == Reason.INVALID_PROOF && data.length() >= 74) {
        int code = Numeric.toBigInt(data.substring(10, 74)).intValue();
        detail += " " + (code < VERIFIER_REASONS.length ? VERIFIER_REASONS[code] : code);
      } else if (data.length() > 10) {
        detail += " " + data.substring(10);
      }
      return new RegistryException(known.reason(), detail, null, null);
    }
    if (sel.equals(selector("Error(string)"))) {
      String msg = "Error(string)";
      byte[] body = Numeric.hexStringToByteArray(data.substring(10));
      if (body.length >= 64) {
        int len = Numeric.toBigInt(Arrays.copyOfRange(body, 32, 64)).intValue();
        if (len >= 0 && 64 + len <= body.length) {
          msg = new String(body, 64, len, StandardCharsets.UTF_8);
        }
      }
      return new RegistryException(Reason.OTHER_REVERT, msg, null, null);
    }
    return new RegistryException(Reason.OTHER_REVERT, fallbackMessage + " " + data, null, null);
  }

  static String selector(String signature) {
    byte[] h = Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII));
    return Numeric.toHexString(Arrays.copyOf(h, 4));
  }
}
