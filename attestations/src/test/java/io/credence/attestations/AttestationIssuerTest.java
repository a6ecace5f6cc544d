package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/** Supersession and signed revocations of the issuer (no chain needed). */
class AttestationIssuerTest {

  static final SecureRandom RANDOM = new SecureRandom();
  static final Credentials KEY =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  static final Credentials OTHER_KEY =
      Credentials.create("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
  static final Address BORROWER = new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
  static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");

  static AttestationIssuer at(Credentials key, Instant now) {
    return new AttestationIssuer(key, RANDOM, Clock.fixed(now, ZoneOffset.UTC));
  }

  static CreditAttestation issued(Credentials key, Instant now, Statement statement) {
    return at(key, now)
        .issue(
            BORROWER,
            Opening.random(lowest(statement), RANDOM),
            statement,
            CreditAttestation.SCHEMA_V1)
        .attestation();
  }

  /** The smallest score that satisfies the statement. */
  static long lowest(Statement statement) {
    return switch (statement) {
      case Statement.Threshold t -> t.t();
      case Statement.Band b -> b.lo();
    };
  }

  @Test
  void supersedesOnlyEarlierAttestationsOfThisIssuerThatClaimMore() throws Exception {
    CreditAttestation newer = issued(KEY, T0, new Statement.Threshold(650));
    CreditAttestation strongerOlder =
        issued(KEY, T0.minusSeconds(60), new Statement.Threshold(700));
    CreditAttestation narrowerOlder =
        issued(KEY, T0.minusSeconds(60), new Statement.Band(650, 800));
    CreditAttestation weakerOlder = issued(KEY, T0.minusSeconds(60), new Statement.Threshold(600));
    CreditAttestation strongerLater = issued(KEY, T0.plusSeconds(60), new Statement.Threshold(700));
    CreditAttestation otherIssuers =
        issued(OTHER_KEY, T0.minusSeconds(60), new Statement.Threshold(800));

    List<SignedRevocation> revocations =
        at(KEY, T0)
            .supersede(
                newer,
                List.of(
                    strongerOlder, narrowerOlder, weakerOlder, strongerLater, otherIssuers, newer));

    assertThat(revocations)
        .extracting(SignedRevocation::uid)
        .containsExactly(Eip712.uid(strongerOlder), Eip712.uid(narrowerOlder));
    for (SignedRevocation r : revocations) {
      assertThat(r.signer()).isEqualTo(new Address(KEY.getAddress()));
      assertThat(new Address(Eip712.recover(Eip712.revocationDigest(r.uid()), r.signature())))
          .isEqualTo(r.signer());
    }
  }

  @Test
  void refusesToSupersedeForAnotherIssuer() {
    CreditAttestation foreign = issued(OTHER_KEY, T0, new Statement.Threshold(650));
    assertThatThrownBy(() -> at(KEY, T0).supersede(foreign, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBandClaimsMoreThanAThresholdBelowItAndLessThanANarrowerBand() {
    CreditAttestation threshold = issued(KEY, T0, new Statement.Threshold(650));
    CreditAttestation band = issued(KEY, T0, new Statement.Band(700, 749));
    CreditAttestation wide = issued(KEY, T0, new Statement.Band(600, 900));
    assertThat(AttestationIssuer.claimsMore(band, threshold)).isTrue();
    assertThat(AttestationIssuer.claimsMore(threshold, band)).isFalse();
    assertThat(AttestationIssuer.claimsMore(wide, band)).isFalse();
    assertThat(AttestationIssuer.claimsMore(band, wide)).isTrue();
  }

  @Test
  void signedRevocationsDoNotExposeTheirBytesToMutation() {
    SignedRevocation r =
        at(KEY, T0).revocation(Eip712.uid(issued(KEY, T0, new Statement.Threshold(650))));
    byte[] copy = r.signature();
    copy[0] ^= 1;
    assertThat(r.signature()).isNotEqualTo(copy);
    assertThat(r.toString()).doesNotContain(org.web3j.utils.Numeric.toHexString(r.signature()));
  }
}
