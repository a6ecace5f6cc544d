package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.attestations.RegistryException.Reason;
import io.credence.attestations.contracts.CredenceRegistry;
import io.credence.attestations.contracts.ExampleLendingPool;
import io.credence.attestations.testing.AnvilExtension;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/** The registry against a real Anvil: minting, every rejection path, revocation, lender reads. */
class CredenceRegistryIT {

  @RegisterExtension static final AnvilExtension anvil = AnvilExtension.withChainId(31337);

  static final Bytes32 MODEL = Bytes32.of(org.web3j.crypto.Hash.sha3("model-v1".getBytes()));
  static final Duration MONTH = Duration.ofDays(30);
  static final SecureRandom RANDOM = new SecureRandom();

  static Credentials admin;
  static Credentials issuerKey;
  static Credentials outsiderKey;
  static AttestationIssuer issuer;
  static AttestationIssuer unauthorisedIssuer;
  static RegistryClient asAdmin;
  static RegistryClient asIssuer;

  @BeforeAll
  static void deploy() throws Exception {
    admin = anvil.account(0);
    issuerKey = anvil.account(1);
    outsiderKey = anvil.account(4);
    issuer = new AttestationIssuer(issuerKey, RANDOM, Clock.systemUTC());
    unauthorisedIssuer = new AttestationIssuer(outsiderKey, RANDOM, Clock.systemUTC());
    asAdmin =
        RegistryClient.deploy(
            anvil.web3j(),
            TestChain.sender(anvil, admin),
            TestChain.GAS,
            new Address(admin.getAddress()));
    asAdmin.authorizeIssuer(issuer.address());
    asIssuer = client(issuerKey);
  }

  static RegistryClient client(Credentials who) {
    return RegistryClient.at(
        anvil.web3j(), TestChain.sender(anvil, who), TestChain.GAS, asAdmin.address().toString());
  }

  /** A fresh borrower (random key, funded) so tests do not share "current" attestations. */
  static Credentials newBorrower() throws Exception {
    Credentials c = Credentials.create(org.web3j.crypto.Keys.createEcKeyPair());
    org.web3j.tx.Transfer.sendFunds(
            anvil.web3j(), admin, c.getAddress(), java.math.BigDecimal.ONE, Convert.Unit.ETHER)
        .send();
    return c;
  }

  static CredentialPackage threshold(AttestationIssuer by, Credentials borrower, int score, int t) {
    return by.issue(
        new Address(borrower.getAddress()),
        Opening.random(score, RANDOM),
        new Statement.Threshold(t),
        MODEL,
        MONTH);
  }

  /** Inner-product rounds of a package's proof: 3 for n = 8, 4 for n = 16 (m = 1). */
  static int rounds(CredentialPackage pkg) throws Exception {
    return io.credence.zk.RangeProof.fromAbiBytes(pkg.proof()).rounds();
  }

  static void expectRevert(ThrowingCall call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void javaUidEqualsContractUid() throws Exception {
    CredentialPackage pkg = threshold(issuer, newBorrower(), 712, 650);
    assertThat(asAdmin.uidOnChain(pkg.attestation())).isEqualTo(pkg.uid());
  }

  @Test
  void mintsAThresholdAttestationThatALendingContractAccepts() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);

    var minted = client(borrower).mint(pkg);
    assertThat(rounds(pkg)).isEqualTo(3); // n = 8 since the third edition
    GasReport.record("mint threshold t=650 (n=8, m=1)", minted.receipt().getGasUsed());

    Address holder = new Address(borrower.getAddress());
    var band = asAdmin.bandOf(holder);
    assertThat(band.valid()).isTrue();
    assertThat(band.lo()).isEqualTo(650);
    assertThat(band.hi()).isEqualTo(CreditAttestation.UNBOUNDED);
    assertThat(band.expiresAt()).isEqualTo(pkg.attestation().expiresAt());
    assertThat(asAdmin.meetsThreshold(holder, 600)).isTrue();
    assertThat(asAdmin.meetsThreshold(holder, 651)).isFalse();
    assertThat(asAdmin.getAttestation(pkg.uid()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.issuer()).isEqualTo(issuer.address());
              assertThat(r.recipient()).isEqualTo(holder);
              assertThat(r.revoked()).isFalse();
            });

    ExampleLendingPool pool = lendingPool(600);
    ExampleLendingPool asBorrower =
        ExampleLendingPool.load(
            pool.getContractAddress(),
            anvil.web3j(),
            TestChain.sender(anvil, borrower),
            TestChain.GAS);
    asBorrower.borrow(Convert.toWei("1", Convert.Unit.ETHER).toBigInteger()).send();
    assertThat(pool.debtOf(borrower.getAddress()).send())
        .isEqualTo(Convert.toWei("1", Convert.Unit.ETHER).toBigInteger());
  }

  /**
   * Attestations issued before the third edition of the zk protocol carry n = 16 proofs for t = 650
   * (and an issuer may still make them for a registry whose verifier predates it): they mint, and
   * the SDK verifies them offline.
   */
  @Test
  void aSecondEditionSixteenBitProofForThreshold650StillMints() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg =
        issuer.issue(
            new Address(borrower.getAddress()),
            Opening.random(712, RANDOM),
            new Statement.Threshold(650),
            MODEL,
            MONTH,
            16);
    assertThat(rounds(pkg)).isEqualTo(4);
    assertThat(
            new io.credence.attestations.lender.CredentialVerifier(Clock.systemUTC())
                .verify(
                    pkg,
                    io.credence.attestations.lender.VerificationPolicy.trusting(
                        java.util.Set.of(issuer.address())))
                .valid())
        .isTrue();

    var minted = client(borrower).mint(pkg);
    GasReport.record("mint threshold t=650 (legacy n=16, m=1)", minted.receipt().getGasUsed());
    assertThat(asAdmin.meetsThreshold(new Address(borrower.getAddress()), 650)).isTrue();
  }

  /** For comparison with t = 650 (n = 8): a threshold below 595 still gets n = 16. */
  @Test
  void mintsAThreshold500AttestationWithASixteenBitProof() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 500);
    assertThat(rounds(pkg)).isEqualTo(4);
    var minted = client(borrower).mint(pkg);
    GasReport.record("mint threshold t=500 (n=16, m=1)", minted.receipt().getGasUsed());
    assertThat(asAdmin.meetsThreshold(new Address(borrower.getAddress()), 500)).isTrue();
  }

  /**
   * A borrower (or a careless issuer) pairs the cheap n = 8 proof of t = 650 with a signed claim of
   * t = 594 or 300, where only n = 16 is accepted: refused by its round count before any equation,
   * and nothing is minted.
   */
  @Test
  void anEightBitProofIsRefusedForAThresholdBelow595() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    for (int t : new int[] {594, 300}) {
      CreditAttestation a = pkg.attestation();
      CreditAttestation lower =
          new CreditAttestation(
              a.schema(),
              a.issuer(),
              a.recipient(),
              a.commitment(),
              new Statement.Threshold(t),
              a.modelId(),
              a.proofHash(),
              a.issuedAt(),
              a.expiresAt(),
              a.nonce());
      CredentialPackage eightBit =
          new CredentialPackage(lower, issuer.sign(lower), pkg.proof(), Optional.empty());
      assertThatThrownBy(() -> client(borrower).mint(eightBit))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.INVALID_PROOF);
                assertThat(e.getMessage()).contains("ROUND_COUNT_MISMATCH");
              });
      assertThat(asAdmin.isValid(eightBit.uid())).isFalse();
    }
    assertThat(asAdmin.balanceOf(new Address(borrower.getAddress()))).isZero();
  }

  @Test
  void mintsABandAttestation() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg =
        issuer.issue(
            new Address(borrower.getAddress()),
            Opening.random(712, RANDOM),
            new Statement.Band(550, 850),
            MODEL,
            MONTH);
    var minted = client(borrower).mint(pkg);
    GasReport.record("mint band 550..850 (n=16, m=2)", minted.receipt().getGasUsed());

    var band = asAdmin.bandOf(new Address(borrower.getAddress()));
    assertThat(band).extracting("lo", "hi", "valid").containsExactly(550, 850, true);
    BigInteger bandOfGas =
        anvil
            .web3j()
            .ethEstimateGas(
                Transaction.createEthCallTransaction(
                    admin.getAddress(),
                    asAdmin.address().toString(),
                    registry(admin).bandOf(borrower.getAddress()).encodeFunctionCall()))
            .send()
            .getAmountUsed();
    GasReport.record("bandOf (eth_estimateGas of a call, incl. 21k base)", bandOfGas);
  }

  @Test
  void rejectsABadIssuerSignature() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    byte[] sig = pkg.issuerSignature();
    sig[10] ^= 0x01;
    CredentialPackage forged =
        new CredentialPackage(pkg.attestation(), sig, pkg.proof(), Optional.empty());
    expectRevert(() -> client(borrower).mint(forged), Reason.INVALID_ISSUER_SIGNATURE);
  }

  @Test
  void rejectsAnUnauthorisedIssuer() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(unauthorisedIssuer, borrower, 712, 650);
    expectRevert(() -> client(borrower).mint(pkg), Reason.UNAUTHORIZED_ISSUER);
  }

  @Test
  void rejectsAnExpiredAttestation() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg =
        issuer.issue(
            new Address(borrower.getAddress()),
            Opening.random(712, RANDOM),
            new Statement.Threshold(650),
            MODEL,
            Duration.ofSeconds(30));
    anvil.increaseTime(120);
    expectRevert(() -> client(borrower).mint(pkg), Reason.ATTESTATION_EXPIRED);
  }

  @Test
  void rejectsATamperedProof() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    byte[] proof = pkg.proof();
    // t_x (word 8 of the ABI encoding): still a canonical scalar, but the equation breaks.
    proof[32 + 8 * 32 + 31] ^= 0x01;
    CreditAttestation a = pkg.attestation().withProofHash(Eip712.proofHash(proof));
    CredentialPackage tampered = new CredentialPackage(a, issuer.sign(a), proof, Optional.empty());
    expectRevert(() -> client(borrower).mint(tampered), Reason.INVALID_PROOF);
  }

  @Test
  void rejectsAProofForAnotherStatement() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    CreditAttestation a = pkg.attestation();
    CreditAttestation claimsMore =
        new CreditAttestation(
            a.schema(),
            a.issuer(),
            a.recipient(),
            a.commitment(),
            new Statement.Threshold(700),
            a.modelId(),
            a.proofHash(),
            a.issuedAt(),
            a.expiresAt(),
            a.nonce());
    CredentialPackage lie =
        new CredentialPackage(claimsMore, issuer.sign(claimsMore), pkg.proof(), Optional.empty());
    expectRevert(() -> client(borrower).mint(lie), Reason.INVALID_PROOF);
  }

  @Test
  void rejectsAProofHashMismatch() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    CredentialPackage other = threshold(issuer, borrower, 712, 650);
    CredentialPackage swapped =
        new CredentialPackage(
            pkg.attestation(), pkg.issuerSignature(), other.proof(), Optional.empty());
    expectRevert(() -> client(borrower).mint(swapped), Reason.PROOF_HASH_MISMATCH);
  }

  @Test
  void rejectsARemintOfTheSameUid() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    client(borrower).mint(pkg);
    expectRevert(() -> client(borrower).mint(pkg), Reason.ALREADY_MINTED);
  }

  @Test
  void rejectsTransfersBecauseAttestationsAreSoulbound() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    client(borrower).mint(pkg);
    BigInteger tokenId = new BigInteger(1, pkg.uid().bytes());
    CredenceRegistry registry = registry(borrower);
    assertThat(registry.locked(tokenId).send()).isTrue();
    assertThat(registry.supportsInterface(Numeric.hexStringToByteArray("0xb45a3c0e")).send())
        .as("ERC-5192")
        .isTrue();
    assertThat(registry.ownerOf(tokenId).send()).isEqualToIgnoringCase(borrower.getAddress());

    String data =
        org.web3j.abi.FunctionEncoder.encode(
            new org.web3j.abi.datatypes.Function(
                "transferFrom",
                java.util.List.of(
                    new Address(borrower.getAddress()),
                    new Address(admin.getAddress()),
                    new org.web3j.abi.datatypes.generated.Uint256(tokenId)),
                java.util.List.of()));
    EthCall call =
        anvil
            .web3j()
            .ethCall(
                Transaction.createEthCallTransaction(
                    borrower.getAddress(), asAdmin.address().toString(), data),
                DefaultBlockParameterName.LATEST)
            .send();
    assertThat(call.hasError()).isTrue();
    assertThat(RevertDecoder.decode(call.getError().getData(), "").reason())
        .isEqualTo(Reason.SOULBOUND);
  }

  @Test
  void mintRequiresTheRecipientAsSenderOrItsConsent() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    RegistryClient relayer = client(anvil.account(3));
    expectRevert(() -> relayer.mint(pkg), Reason.CONSENT_REQUIRED);
    byte[] wrongConsent =
        Eip712.sign(
            Eip712.consentDigest(pkg.uid(), anvil.chainId(), asAdmin.address()),
            outsiderKey.getEcKeyPair());
    expectRevert(() -> relayer.mintWithConsent(pkg, wrongConsent), Reason.INVALID_CONSENT);
    byte[] otherChain =
        Eip712.sign(Eip712.consentDigest(pkg.uid(), 1, asAdmin.address()), borrower.getEcKeyPair());
    expectRevert(() -> relayer.mintWithConsent(pkg, otherChain), Reason.INVALID_CONSENT);

    byte[] consent =
        Eip712.sign(
            Eip712.consentDigest(pkg.uid(), anvil.chainId(), asAdmin.address()),
            borrower.getEcKeyPair());
    var minted = relayer.mintWithConsent(pkg, consent);
    GasReport.record("mintWithConsent threshold t=650 (n=8, m=1)", minted.receipt().getGasUsed());
    assertThat(asAdmin.isValid(pkg.uid())).isTrue();
  }

  @Test
  void aRevokedAttestationFailsBandOfMeetsThresholdAndTheLender() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 712, 650);
    client(borrower).mint(pkg);
    Address holder = new Address(borrower.getAddress());
    assertThat(asAdmin.meetsThreshold(holder, 600)).isTrue();

    expectRevert(() -> client(borrower).revoke(pkg.uid()), Reason.NOT_ISSUER);
    var revoked = asIssuer.revoke(pkg.uid());
    GasReport.record("revoke (issuer, direct)", revoked.getGasUsed());

    assertThat(asAdmin.bandOf(holder).valid()).isFalse();
    assertThat(asAdmin.meetsThreshold(holder, 600)).isFalse();
    assertThat(asAdmin.isValid(pkg.uid())).isFalse();
    ExampleLendingPool pool = lendingPool(600);
    ExampleLendingPool asBorrower =
        ExampleLendingPool.load(
            pool.getContractAddress(),
            anvil.web3j(),
            TestChain.sender(anvil, borrower),
            TestChain.GAS);
    assertThatThrownBy(() -> asBorrower.borrow(BigInteger.ONE).send())
        .hasMessageContaining("revert");
  }

  @Test
  void aSignedRevocationIsRelayedByAnyoneAndBlocksALaterMint() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage minted = threshold(issuer, borrower, 712, 650);
    client(borrower).mint(minted);
    RegistryClient relayer = client(anvil.account(3));
    var receipt = relayer.relay(issuer.revocation(minted.uid())).orElseThrow();
    GasReport.record("revokeWithSignature (relayed, burns the token)", receipt.getGasUsed());
    assertThat(asAdmin.isValid(minted.uid())).isFalse();

    CredentialPackage notYetMinted = threshold(issuer, borrower, 712, 650);
    relayer.relay(issuer.revocation(notYetMinted.uid()));
    expectRevert(() -> client(borrower).mint(notYetMinted), Reason.ATTESTATION_REVOKED);

    // A signature that is not the named signer's is refused.
    Bytes32 other = threshold(issuer, borrower, 712, 650).uid();
    byte[] byOutsider = unauthorisedIssuer.signRevocation(other);
    expectRevert(
        () -> relayer.relay(new SignedRevocation(other, issuer.address(), byOutsider)),
        Reason.INVALID_REVOCATION_SIGNATURE);
  }

  @Test
  void onlyAnAdminAuthorisesIssuers() {
    expectRevert(
        () -> client(anvil.account(3)).authorizeIssuer(new Address(outsiderKey.getAddress())),
        Reason.ACCESS_DENIED);
  }

  static CredenceRegistry registry(Credentials who) {
    return CredenceRegistry.load(
        asAdmin.address().toString(), anvil.web3j(), TestChain.sender(anvil, who), TestChain.GAS);
  }

  static ExampleLendingPool lendingPool(int minScore) throws Exception {
    BigInteger funds = Convert.toWei("10", Convert.Unit.ETHER).toBigInteger();
    return ExampleLendingPool.deploy(
            anvil.web3j(),
            TestChain.sender(anvil, admin),
            TestChain.GAS,
            funds,
            asAdmin.address().toString(),
            BigInteger.valueOf(minScore),
            Convert.toWei("5", Convert.Unit.ETHER).toBigInteger())
        .send();
  }
}
