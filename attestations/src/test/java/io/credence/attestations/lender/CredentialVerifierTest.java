package io.credence.attestations.lender;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestations.AttestationIssuer;
import io.credence.attestations.CredentialPackage;
import io.credence.attestations.CreditAttestation;
import io.credence.attestations.Eip712;
import io.credence.attestations.lender.CheckResult.Outcome;
import io.credence.zk.Opening;
import io.credence.zk.RangeProof;
import io.credence.zk.Statement;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/** The lender SDK offline: each tampering fails exactly its own check. */
class CredentialVerifierTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
  static final SecureRandom RANDOM = new SecureRandom();
  static final AttestationIssuer ISSUER =
      new AttestationIssuer(
          Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
          RANDOM,
          CLOCK);
  static final VerificationPolicy POLICY =
      VerificationPolicy.trusting(Set.of(ISSUER.address())).withMinScore(650);
  static final CredentialVerifier VERIFIER = new CredentialVerifier(CLOCK);

  static CredentialPackage issue(Statement statement) {
    return ISSUER
        .issue(
            new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"),
            Opening.random(712, RANDOM),
            statement,
            CreditAttestation.SCHEMA_V1,
            Duration.ofDays(30))
        .withoutOpening();
  }

  static void onlyFails(CredentialPackage pkg, Check... checks) {
    VerificationReport report = VERIFIER.verify(pkg, POLICY);
    assertThat(report.valid()).isFalse();
    assertThat(report.failures()).extracting(CheckResult::check).containsExactly(checks);
  }

  @Test
  void aGenuineCredentialPassesEveryRequestedCheck() {
    VerificationReport report = VERIFIER.verify(issue(new Statement.Threshold(700)), POLICY);
    assertThat(report.valid()).isTrue();
    assertThat(report.checks()).extracting(CheckResult::check).containsExactly(Check.values());
    assertThat(report.result(Check.ON_CHAIN_STATUS).orElseThrow().outcome())
        .isEqualTo(Outcome.SKIPPED);
  }

  @Test
  void aForgedSignatureFailsIssuerSignature() {
    CredentialPackage pkg = issue(new Statement.Threshold(700));
    byte[] sig = pkg.issuerSignature();
    sig[5] ^= 0x01;
    onlyFails(
        new CredentialPackage(pkg.attestation(), sig, pkg.proof(), Optional.empty()),
        Check.ISSUER_SIGNATURE);
  }

  /** The other proof is also bound to another nonce, so it fails the range proof as well. */
  @Test
  void aSwappedProofFailsProofHash() {
    CredentialPackage pkg = issue(new Statement.Threshold(700));
    CredentialPackage other = issue(new Statement.Threshold(700));
    onlyFails(
        new CredentialPackage(
            pkg.attestation(), pkg.issuerSignature(), other.proof(), Optional.empty()),
        Check.PROOF_HASH,
        Check.RANGE_PROOF);
  }

  @Test
  void aProofForAnotherStatementFailsRangeProof() {
    CredentialPackage pkg = issue(new Statement.Threshold(700));
    CreditAttestation a = pkg.attestation();
    CreditAttestation lie =
        new CreditAttestation(
            a.schema(),
            a.issuer(),
            a.recipient(),
            a.commitment(),
            new Statement.Threshold(710),
            a.modelId(),
            Eip712.proofHash(pkg.proof()),
            a.issuedAt(),
            a.expiresAt(),
            a.nonce());
    onlyFails(
        new CredentialPackage(lie, ISSUER.sign(lie), pkg.proof(), Optional.empty()),
        Check.RANGE_PROOF);
  }

  /** A credential issued before the third edition of the zk protocol (n = 16 for t = 700). */
  @Test
  void aSecondEditionCredentialStillPasses() throws Exception {
    CredentialPackage pkg =
        ISSUER
            .issue(
                new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"),
                Opening.random(712, RANDOM),
                new Statement.Threshold(700),
                CreditAttestation.SCHEMA_V1,
                Duration.ofDays(30),
                16)
            .withoutOpening();
    assertThat(RangeProof.fromAbiBytes(pkg.proof()).rounds()).isEqualTo(4);
    assertThat(RangeProof.fromAbiBytes(issue(new Statement.Threshold(700)).proof()).rounds())
        .isEqualTo(3);
    assertThat(VERIFIER.verify(pkg, POLICY).valid()).isTrue();
  }

  /** The n = 8 proof of t = 700 re-signed as a claim of t = 594, where only n = 16 is accepted. */
  @Test
  void anEightBitProofClaimedForAThresholdBelow595FailsRangeProofByItsRoundCount() {
    CredentialPackage pkg = issue(new Statement.Threshold(700));
    CreditAttestation a = pkg.attestation();
    CreditAttestation lower =
        new CreditAttestation(
            a.schema(),
            a.issuer(),
            a.recipient(),
            a.commitment(),
            new Statement.Threshold(594),
            a.modelId(),
            a.proofHash(),
            a.issuedAt(),
            a.expiresAt(),
            a.nonce());
    CredentialPackage eightBit =
        new CredentialPackage(lower, ISSUER.sign(lower), pkg.proof(), Optional.empty());
    VerificationReport report =
        VERIFIER.verify(eightBit, VerificationPolicy.trusting(Set.of(ISSUER.address())));
    assertThat(report.failures()).extracting(CheckResult::check).containsExactly(Check.RANGE_PROOF);
    assertThat(report.result(Check.RANGE_PROOF).orElseThrow().detail())
        .startsWith("ROUND_COUNT_MISMATCH");
  }

  @Test
  void aStatementBelowThePolicyFailsMinScore() {
    onlyFails(issue(new Statement.Band(640, 720)), Check.MIN_SCORE);
  }
}
