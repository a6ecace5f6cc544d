package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestations.lender.Check;
import io.credence.attestations.lender.CheckResult.Outcome;
import io.credence.attestations.lender.CredentialVerifier;
import io.credence.attestations.lender.VerificationPolicy;
import io.credence.attestations.lender.VerifyCommand;
import io.credence.attestations.testing.AnvilExtension;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/**
 * One signed attestation minted on two chains with different chain ids, one signed revocation
 * relayed to both, and the lender SDK/CLI reading on-chain status.
 */
class PortabilityIT {

  @RegisterExtension static final AnvilExtension mainnetLike = AnvilExtension.withChainId(1);
  @RegisterExtension static final AnvilExtension l2Like = AnvilExtension.withChainId(8453);

  @TempDir Path dir;

  static RegistryClient deploy(AnvilExtension anvil, AttestationIssuer issuer) throws Exception {
    Credentials admin = anvil.account(0);
    RegistryClient client =
        RegistryClient.deploy(
            anvil.web3j(),
            TestChain.sender(anvil, admin),
            TestChain.GAS,
            new Address(admin.getAddress()));
    client.authorizeIssuer(issuer.address());
    return client;
  }

  static RegistryClient as(AnvilExtension anvil, RegistryClient registry, Credentials who) {
    return RegistryClient.at(
        anvil.web3j(), TestChain.sender(anvil, who), TestChain.GAS, registry.address().toString());
  }

  @Test
  void theSameSignedAttestationMintsOnTwoChainsAndOneRevocationRevokesBoth() throws Exception {
    AttestationIssuer issuer =
        new AttestationIssuer(mainnetLike.account(1), new SecureRandom(), Clock.systemUTC());
    RegistryClient a = deploy(mainnetLike, issuer);
    RegistryClient b = deploy(l2Like, issuer);
    Credentials borrower = mainnetLike.account(2);
    CredentialPackage pkg =
        issuer.issue(
            new Address(borrower.getAddress()),
            Opening.random(731, new SecureRandom()),
            new Statement.Band(700, 749),
            CreditAttestation.SCHEMA_V1,
            Duration.ofDays(30));

    as(mainnetLike, a, borrower).mint(pkg);
    byte[] consentOnB =
        Eip712.sign(
            Eip712.consentDigest(pkg.uid(), l2Like.chainId(), b.address()),
            borrower.getEcKeyPair());
    as(l2Like, b, l2Like.account(3)).mintWithConsent(pkg, consentOnB);

    Address holder = new Address(borrower.getAddress());
    assertThat(a.bandOf(holder)).isEqualTo(b.bandOf(holder));
    assertThat(a.bandOf(holder).valid()).isTrue();
    assertThat(a.isValid(pkg.uid())).isTrue();
    assertThat(b.isValid(pkg.uid())).isTrue();

    // Lender SDK and CLI with on-chain status on chain A.
    VerificationPolicy policy =
        VerificationPolicy.trusting(Set.of(issuer.address()))
            .withMinScore(700)
            .withOnChainStatus(mainnetLike.rpcUrl(), a.address());
    CredentialVerifier verifier = new CredentialVerifier(Clock.systemUTC());
    var report = verifier.verify(pkg.withoutOpening(), policy);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.result(Check.ON_CHAIN_STATUS).orElseThrow().outcome())
        .isEqualTo(Outcome.PASS);
    Path file = dir.resolve("credential.json");
    Files.writeString(file, pkg.withoutOpening().toJson());
    String[] cli = {
      "verify", file.toString(), "--rpc", mainnetLike.rpcUrl(), "--registry", a.address().toString()
    };
    assertThat(runCli(cli)).isEqualTo(VerifyCommand.VALID);

    // One portable revocation, relayed by anyone, on both chains.
    SignedRevocation revocation = issuer.revocation(pkg.uid());
    as(mainnetLike, a, mainnetLike.account(4)).relay(revocation);
    as(l2Like, b, l2Like.account(4)).relay(revocation);
    assertThat(a.bandOf(holder).valid()).isFalse();
    assertThat(b.meetsThreshold(holder, 700)).isFalse();

    var after = verifier.verify(pkg.withoutOpening(), policy);
    assertThat(after.valid()).isFalse();
    assertThat(after.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.check()).isEqualTo(Check.ON_CHAIN_STATUS));
    assertThat(runCli(cli)).isEqualTo(VerifyCommand.INVALID);
  }

  private static int runCli(String[] args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
    return VerifyCommand.run(args, out, out, Clock.systemUTC());
  }
}
