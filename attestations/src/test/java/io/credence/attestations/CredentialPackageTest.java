package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

class CredentialPackageTest {

  static final SecureRandom RANDOM = new SecureRandom();
  static final AttestationIssuer ISSUER =
      new AttestationIssuer(
          Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
          RANDOM,
          Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
  static final Address BORROWER = new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");

  static CredentialPackage issue() {
    return ISSUER.issue(
        BORROWER,
        Opening.random(712, RANDOM),
        new Statement.Band(700, 749),
        CreditAttestation.SCHEMA_V1,
        Duration.ofDays(30));
  }

  @Test
  void roundTripsThroughJsonWithAndWithoutTheOpening() throws Exception {
    CredentialPackage pkg = issue();
    assertThat(CredentialPackage.fromJson(pkg.toJson())).isEqualTo(pkg);
    CredentialPackage shown = pkg.withoutOpening();
    assertThat(shown.toJson()).doesNotContain("opening").doesNotContain("blinding");
    assertThat(CredentialPackage.fromJson(shown.toJson())).isEqualTo(shown);
  }

  @Test
  void theJsonUsesExactlyTheFieldsOfTheDocumentedSchema() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var schema =
        mapper.readTree(
            java.nio.file.Files.readString(
                java.nio.file.Path.of("..", "docs", "credential-package.schema.json")));
    var json = mapper.readTree(issue().toJson());
    assertThat(fieldNames(json)).isEqualTo(fieldNames(schema.get("properties")));
    assertThat(fieldNames(json.get("attestation")))
        .isEqualTo(fieldNames(schema.at("/properties/attestation/properties")));
    assertThat(fieldNames(json.get("opening")))
        .isEqualTo(fieldNames(schema.at("/properties/opening/properties")));
    for (String field : fieldNames(schema.at("/properties/attestation/properties"))) {
      assertThat(schema.at("/properties/attestation/required").toString()).contains(field);
    }
  }

  static java.util.Set<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void neverPrintsTheOpening() {
    CredentialPackage pkg = issue();
    String blinding =
        org.web3j.utils.Numeric.toHexString(pkg.opening().orElseThrow().blinding().toBytes());
    // The uid is random-looking hex and may contain the digits 712 by chance: look past it.
    String printed = pkg.toString().replace(pkg.uid().toString(), "<uid>");
    assertThat(printed).doesNotContain(blinding).doesNotContain("712");
  }

  @Test
  void rejectsAUidThatDoesNotMatch() {
    CredentialPackage pkg = issue();
    // Flip the uid's first hex digit (replacing it by a fixed digit was a no-op 1 time in 16).
    char first = pkg.uid().hex().charAt(2);
    String json =
        pkg.toJson().replaceFirst("\"uid\" : \"0x.", "\"uid\" : \"0x" + (first == '0' ? '1' : '0'));
    assertThatThrownBy(() -> CredentialPackage.fromJson(json))
        .isInstanceOf(CredentialFormatException.class);
  }

  @Test
  void rejectsAnOpeningThatDoesNotOpenTheCommitment() {
    String json = issue().toJson().replace("\"score\" : 712", "\"score\" : 713");
    assertThatThrownBy(() -> CredentialPackage.fromJson(json))
        .isInstanceOf(CredentialFormatException.class)
        .hasMessageContaining("opening");
  }

  @Test
  void rejectsMalformedDocuments() {
    for (String bad : new String[] {"", "[]", "{\"version\": 1}", "{\"version\": 2}", "not json"}) {
      assertThatThrownBy(() -> CredentialPackage.fromJson(bad))
          .as(bad)
          .isInstanceOf(CredentialFormatException.class);
    }
  }

  @Test
  void signaturesRecoverTheIssuer() throws Exception {
    CredentialPackage pkg = issue();
    assertThat(new Address(Eip712.recover(pkg.uid(), pkg.issuerSignature())))
        .isEqualTo(ISSUER.address());
    Bytes32 uid = pkg.uid();
    assertThat(
            new Address(Eip712.recover(Eip712.revocationDigest(uid), ISSUER.signRevocation(uid))))
        .isEqualTo(ISSUER.address());
  }
}
