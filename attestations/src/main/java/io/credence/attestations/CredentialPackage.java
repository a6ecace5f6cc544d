package io.credence.attestations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credence.zk.Blinding;
import io.credence.zk.Commitment;
import io.credence.zk.Opening;
import io.credence.zk.ProofVerificationException;
import io.credence.zk.Statement;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/**
 * What a borrower downloads and presents: the signed attestation, the issuer's signature, the range
 * proof and — only in the borrower's own copy — the commitment opening (score and blinding). The
 * JSON form is described by docs/credential-package.schema.json.
 *
 * <p>Byte arrays are copied in and out; the opening is secret and never appears in {@link
 * #toString()}.
 */
public record CredentialPackage(
    CreditAttestation attestation,
    byte[] issuerSignature,
    byte[] proof,
    Optional<Opening> opening) {

  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  public CredentialPackage {
    Objects.requireNonNull(attestation, "attestation");
    issuerSignature = Objects.requireNonNull(issuerSignature, "issuerSignature").clone();
    proof = Objects.requireNonNull(proof, "proof").clone();
    Objects.requireNonNull(opening, "opening");
  }

  @Override
  public byte[] issuerSignature() {
    return issuerSignature.clone();
  }

  @Override
  public byte[] proof() {
    return proof.clone();
  }

  /** The attestation's uid (EIP-712 digest). */
  public Bytes32 uid() {
    return Eip712.uid(attestation);
  }

  /** The same package without the secret opening: what a borrower shows a lender. */
  public CredentialPackage withoutOpening() {
    return new CredentialPackage(attestation, issuerSignature, proof, Optional.empty());
  }

  /** Serialises to the JSON of docs/credential-package.schema.json. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", FORMAT_VERSION);
    root.put("uid", uid().hex());
    ObjectNode a = root.putObject("attestation");
    a.put("schema", attestation.schema().hex());
    a.put("issuer", attestation.issuer().toString());
    a.put("recipient", attestation.recipient().toString());
    a.put("commitment", Numeric.toHexString(attestation.commitment().toUncompressed()));
    ObjectNode st = a.putObject("statement");
    if (attestation.statement() instanceof Statement.Threshold t) {
      st.put("kind", "threshold");
      st.put("t", t.t());
    } else {
      Statement.Band b = (Statement.Band) attestation.statement();
      st.put("kind", "band");
      st.put("lo", b.lo());
      st.put("hi", b.hi());
    }
    a.put("modelId", attestation.modelId().hex());
    a.put("proofHash", attestation.proofHash().hex());
    a.put("issuedAt", attestation.issuedAt().getEpochSecond());
    a.put("expiresAt", attestation.expiresAt().getEpochSecond());
    a.put("nonce", Numeric.toHexStringWithPrefixZeroPadded(attestation.nonce(), 64));
    root.put("issuerSignature", Numeric.toHexString(issuerSignature));
    root.put("proof", Numeric.toHexString(proof));
    opening.ifPresent(
        o -> {
          ObjectNode op = root.putObject("opening");
          op.put("score", o.value().longValueExact());
          op.put("blinding", Numeric.toHexString(o.blinding().toBytes()));
        });
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses and validates a package: every field present and well-formed, the commitment a valid
   * curve point, the uid (when present) equal to the recomputed one, and an opening (when present)
   * that opens the commitment.
   *
   * @throws CredentialFormatException if the document is not a usable credential package
   */
  public static CredentialPackage fromJson(String json) throws CredentialFormatException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new CredentialFormatException("not JSON: " + e.getMessage());
    }
    try {
      if (root == null || !root.isObject()) {
        throw new CredentialFormatException("a credential package is a JSON object");
      }
      if (root.path("version").asInt(-1) != FORMAT_VERSION) {
        throw new CredentialFormatException("unsupported version " + root.path("version"));
      }
      JsonNode a = field(root, "attestation");
      JsonNode st = field(a, "statement");
      Statement statement =
          switch (text(st, "kind")) {
            case "threshold" -> new Statement.Threshold(number(st, "t"));
            case "band" -> new Statement.Band(number(st, "lo"), number(st, "hi"));
            default -> throw new CredentialFormatException("statement.kind must be threshold|band");
          };
      Commitment commitment;
      try {
        commitment = Commitment.fromUncompressed(hex(a, "commitment"));
      } catch (ProofVerificationException e) {
        throw new CredentialFormatException("invalid commitment: " + e.getMessage());
      }
      CreditAttestation attestation =
          new CreditAttestation(
              Bytes32.parse(text(a, "schema")),
              address(a, "issuer"),
              address(a, "recipient"),
              commitment,
              statement,
              Bytes32.parse(text(a, "modelId")),
              Bytes32.parse(text(a, "proofHash")),
              Instant.ofEpochSecond(number(a, "issuedAt")),
              Instant.ofEpochSecond(number(a, "expiresAt")),
              Numeric.toBigInt(text(a, "nonce")));
      Optional<Opening> opening = Optional.empty();
      if (root.has("opening")) {
        JsonNode op = root.get("opening");
        Opening o =
            Opening.of(
                BigInteger.valueOf(number(op, "score")), Blinding.fromBytes(hex(op, "blinding")));
        if (!o.commit().equals(commitment)) {
          throw new CredentialFormatException("the opening does not open the commitment");
        }
        opening = Optional.of(o);
      }
      CredentialPackage pkg =
          new CredentialPackage(
              attestation, hex(root, "issuerSignature"), hex(root, "proof"), opening);
      if (root.has("uid") && !Bytes32.parse(text(root, "uid")).equals(pkg.uid())) {
        throw new CredentialFormatException("uid does not match the attestation");
      }
      return pkg;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new CredentialFormatException(e.getMessage());
    }
  }

  private static JsonNode field(JsonNode node, String name) throws CredentialFormatException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new CredentialFormatException("missing field " + name);
    }
    return v;
  }

  private static String text(JsonNode node, String name) throws CredentialFormatException {
    JsonNode v = field(node, name);
    if (!v.isTextual()) {
      throw new CredentialFormatException(name + " must be a string");
    }
    return v.asText();
  }

  private static long number(JsonNode node, String name) throws CredentialFormatException {
    JsonNode v = field(node, name);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new CredentialFormatException(name + " must be an integer");
    }
    return v.asLong();
  }

  private static byte[] hex(JsonNode node, String name) throws CredentialFormatException {
    String s = text(node, name);
    if (!s.matches("0x([0-9a-fA-F]{2})*")) {
      throw new CredentialFormatException(name + " must be 0x-prefixed hex");
    }
    return Numeric.hexStringToByteArray(s);
  }

  private static Address address(JsonNode node, String name) throws CredentialFormatException {
    String s = text(node, name);
    if (!s.matches("0x[0-9a-fA-F]{40}")) {
      throw new CredentialFormatException(name + " must be a 20-byte address");
    }
    return new Address(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CredentialPackage p && toJson().equals(p.toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return "CredentialPackage[uid="
        + uid()
        + ", statement="
        + attestation.statement()
        + ", opening="
        + (opening.isPresent() ? "present" : "absent")
        + "]";
  }
}
