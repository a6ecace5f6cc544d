package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.attestations.RegistryException.Reason;
import io.credence.attestations.contracts.CredenceRegistry;
import io.credence.attestations.contracts.ExampleLendingPool;
import io.credence.attestations.contracts.ExampleMultisigIssuer;
import io.credence.attestations.lender.Check;
import io.credence.attestations.lender.CredentialVerifier;
import io.credence.attestations.lender.VerificationPolicy;
import io.credence.attestations.testing.AnvilExtension;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * The trust model across two chains, one test per finding of issue 12: portable revocation
 * (recorded ahead of any issuer grant), issuer-key suspension, rotation and contract (ERC-1271)
 * issuers, no cherry-picking (future dates, supersession), consent bound to the registry, 48-bit
 * range checks, the ERC-721 surface with burns, events only on change, and the check order.
 */
class TrustModelIT {

  @RegisterExtension static final AnvilExtension chainA = AnvilExtension.withChainId(31337);
  @RegisterExtension static final AnvilExtension chainB = AnvilExtension.withChainId(31338);

  static final SecureRandom RANDOM = new SecureRandom();
  static final Bytes32 MODEL = Bytes32.of(org.web3j.crypto.Hash.sha3("model-v1".getBytes()));

  static Credentials issuerKey;
  static AttestationIssuer issuer;
  static RegistryClient a;
  static RegistryClient b;

  @BeforeAll
  static void deploy() throws Exception {
    issuerKey = chainA.account(1);
    issuer = new AttestationIssuer(issuerKey, RANDOM, Clock.systemUTC());
    a = deploy(chainA);
    b = deploy(chainB);
    a.authorizeIssuer(issuer.address());
    b.authorizeIssuer(issuer.address());
  }

  static RegistryClient deploy(AnvilExtension chain) throws Exception {
    Credentials admin = chain.account(0);
    return RegistryClient.deploy(
        chain.web3j(),
        TestChain.sender(chain, admin),
        TestChain.GAS,
        new Address(admin.getAddress()));
  }

  static RegistryClient as(AnvilExtension chain, RegistryClient registry, Credentials who) {
    return RegistryClient.at(
        chain.web3j(), TestChain.sender(chain, who), TestChain.GAS, registry.address().toString());
  }

  static AnvilExtension chainOf(RegistryClient r) {
    return r == a ? chainA : chainB;
  }

  /** A fresh borrower funded on both chains. */
  static Credentials newBorrower() throws Exception {
    Credentials c = Credentials.create(Keys.createEcKeyPair());
    for (AnvilExtension chain : List.of(chainA, chainB)) {
      org.web3j.tx.Transfer.sendFunds(
              chain.web3j(),
              chain.account(0),
              c.getAddress(),
              java.math.BigDecimal.ONE,
              Convert.Unit.ETHER)
          .send();
    }
    return c;
  }

  static CredentialPackage threshold(AttestationIssuer by, Credentials borrower, int t) {
    return by.issue(
        new Address(borrower.getAddress()),
        Opening.random(Math.max(t, 720), RANDOM),
        new Statement.Threshold(t),
        MODEL);
  }

  static AttestationIssuer issuerAt(Credentials key, Instant now) {
    return new AttestationIssuer(key, RANDOM, Clock.fixed(now, ZoneOffset.UTC));
  }

  static Instant chainNow(AnvilExtension chain) throws Exception {
    var block =
        chain
            .web3j()
            .ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
            .send()
            .getBlock();
    return Instant.ofEpochSecond(block.getTimestamp().longValueExact());
  }

  static void expectRevert(CredenceRegistryIT.ThrowingCall call, Reason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  static CredenceRegistry wrapper(RegistryClient r, Credentials who) {
    AnvilExtension chain = chainOf(r);
    return CredenceRegistry.load(
        r.address().toString(), chain.web3j(), TestChain.sender(chain, who), TestChain.GAS);
  }

  static ExampleLendingPool pool(AnvilExtension chain, RegistryClient r, Credentials borrower)
      throws Exception {
    ExampleLendingPool pool =
        ExampleLendingPool.deploy(
                chain.web3j(),
                TestChain.sender(chain, chain.account(0)),
                TestChain.GAS,
                Convert.toWei("10", Convert.Unit.ETHER).toBigInteger(),
                r.address().toString(),
                BigInteger.valueOf(600),
                Convert.toWei("5", Convert.Unit.ETHER).toBigInteger())
            .send();
    return ExampleLendingPool.load(
        pool.getContractAddress(), chain.web3j(), TestChain.sender(chain, borrower), TestChain.GAS);
  }

  // ------------------------------------------------------------------ 1. revocation across chains

  @Test
  void aRevocationOnChainAIsRecordedOnChainBBeforeTheIssuerIsGrantedThereAndBlocksTheMint()
      throws Exception {
    RegistryClient fresh = deploy(chainB); // a new registry: the issuer holds no role here yet
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 650);
    as(chainA, a, borrower).mint(pkg);

    SignedRevocation revocation = as(chainA, a, issuerKey).revoke(issuer, pkg.uid());
    assertThat(a.isValid(pkg.uid())).isFalse();
    // Relayed by an outsider to chain B before the issuer is trusted there.
    RegistryClient relayer = as(chainB, fresh, chainB.account(4));
    var relayed = relayer.relay(revocation);
    assertThat(relayed).isPresent();
    GasReport.record("revokeWithSignature (relayed ahead of mint)", relayed.get().getGasUsed());
    assertThat(relayer.relay(revocation)).as("idempotent: nothing sent twice").isEmpty();
    fresh.authorizeIssuer(issuer.address());

    expectRevert(() -> as(chainB, fresh, borrower).mint(pkg), Reason.ATTESTATION_REVOKED);
    Address holder = new Address(borrower.getAddress());
    assertThat(fresh.meetsThreshold(holder, 600)).isFalse();
    ExampleLendingPool poolOnB = pool(chainB, fresh, borrower);
    assertThatThrownBy(
            () -> poolOnB.borrow(Convert.toWei("1", Convert.Unit.ETHER).toBigInteger()).send())
        .hasMessageContaining("revert");
  }

  @Test
  void aRevocationSignedByAnyoneButTheIssuerIsRecordedButBlocksNothing() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 650);
    AttestationIssuer griefer = new AttestationIssuer(chainB.account(4), RANDOM, Clock.systemUTC());
    as(chainB, b, chainB.account(4)).relay(griefer.revocation(pkg.uid()));
    assertThat(b.isRevokedBy(pkg.uid(), griefer.address())).isTrue();

    as(chainB, b, borrower).mint(pkg);
    assertThat(b.isValid(pkg.uid())).isTrue();
    // A later griefing relay does not touch the minted attestation either.
    CredentialPackage second = threshold(issuer, borrower, 650);
    as(chainB, b, borrower).mint(second);
    as(chainB, b, chainB.account(4)).relay(griefer.revocation(second.uid()));
    assertThat(b.isValid(second.uid())).isTrue();
  }

  @Test
  void aGrieferWhoRecordsFirstCannotHideTheIssuersOrTheAdminsRevocation() throws Exception {
    // The first revocation recorded for a uid not minted yet is kept in the record's slot that the
    // mint reads anyway; later ones go to the per-signer mapping. Recording junk first must not
    // push the issuer's or the admin's revocation out of the mint check's sight.
    AttestationIssuer griefer = new AttestationIssuer(chainB.account(4), RANDOM, Clock.systemUTC());
    AttestationIssuer other =
        new AttestationIssuer(
            Credentials.create(Keys.createEcKeyPair()), RANDOM, Clock.systemUTC());
    RegistryClient outsider = as(chainB, b, chainB.account(4));
    Credentials borrower = newBorrower();

    CredentialPackage byIssuer = threshold(issuer, borrower, 650);
    outsider.relay(griefer.revocation(byIssuer.uid()));
    outsider.relay(other.revocation(byIssuer.uid()));
    outsider.relay(issuer.revocation(byIssuer.uid()));
    assertThat(outsider.relay(griefer.revocation(byIssuer.uid()))).isEmpty(); // recorded once
    assertThat(b.isRevokedBy(byIssuer.uid(), griefer.address())).isTrue();
    assertThat(b.isRevokedBy(byIssuer.uid(), other.address())).isTrue();
    assertThat(b.isRevokedBy(byIssuer.uid(), issuer.address())).isTrue();
    expectRevert(() -> as(chainB, b, borrower).mint(byIssuer), Reason.ATTESTATION_REVOKED);

    CredentialPackage byAdmin = threshold(issuer, borrower, 650);
    outsider.relay(griefer.revocation(byAdmin.uid()));
    as(chainB, b, chainB.account(0)).revoke(byAdmin.uid());
    assertThat(b.isRevokedByAdmin(byAdmin.uid())).isTrue();
    assertThat(b.isRevokedBy(byAdmin.uid(), griefer.address())).isTrue();
    expectRevert(() -> as(chainB, b, borrower).mint(byAdmin), Reason.ATTESTATION_REVOKED);

    // A griefed uid still mints; the griefers' records survive the mint, and the issuer can still
    // revoke it afterwards.
    CredentialPackage griefed = threshold(issuer, borrower, 650);
    outsider.relay(griefer.revocation(griefed.uid()));
    outsider.relay(other.revocation(griefed.uid()));
    as(chainB, b, borrower).mint(griefed);
    assertThat(b.isValid(griefed.uid())).isTrue();
    assertThat(b.isRevokedBy(griefed.uid(), griefer.address())).isTrue();
    assertThat(b.isRevokedBy(griefed.uid(), other.address())).isTrue();
    assertThat(b.isRevokedBy(griefed.uid(), issuer.address())).isFalse();
    assertThat(b.isRevokedByAdmin(griefed.uid())).isFalse();
    assertThat(outsider.relay(griefer.revocation(griefed.uid()))).isEmpty();
    outsider.relay(issuer.revocation(griefed.uid()));
    assertThat(b.isValid(griefed.uid())).isFalse();
  }

  @Test
  void aRevocationSignatureCannotBeReplayedForAnotherAttestation() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage first = threshold(issuer, borrower, 650);
    CredentialPackage second = threshold(issuer, borrower, 650);
    byte[] forFirst = issuer.signRevocation(first.uid());
    expectRevert(
        () ->
            as(chainB, b, chainB.account(4))
                .relay(new SignedRevocation(second.uid(), issuer.address(), forFirst)),
        Reason.INVALID_REVOCATION_SIGNATURE);
    assertThat(b.isRevokedBy(second.uid(), issuer.address())).isFalse();
  }

  @Test
  void theLenderSdkSeesARevocationRecordedOnAnotherChain() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 650);
    as(chainA, a, borrower).mint(pkg);
    VerificationPolicy policy =
        VerificationPolicy.trusting(Set.of(issuer.address()))
            .withOnChainStatus(chainA.rpcUrl(), a.address())
            .withRevocationSource(chainB.rpcUrl(), b.address());
    CredentialVerifier sdk = new CredentialVerifier(Clock.systemUTC());
    assertThat(sdk.verify(pkg.withoutOpening(), policy).valid()).isTrue();

    as(chainB, b, chainB.account(3)).relay(issuer.revocation(pkg.uid())); // only on B
    var report = sdk.verify(pkg.withoutOpening(), policy);
    assertThat(report.valid()).isFalse();
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo(Check.ON_CHAIN_STATUS);
              assertThat(f.detail()).contains("revoked on " + b.address());
            });
  }

  // ------------------------------------------------------------------ 2. issuer keys

  @Test
  void aSuspendedKeysLaterAttestationsAreInvalidEverywhereAndItMintsNothingMore() throws Exception {
    Credentials key = chainA.account(2);
    Instant now = chainNow(chainA).truncatedTo(ChronoUnit.SECONDS);
    AttestationIssuer before = issuerAt(key, now.minusSeconds(600));
    AttestationIssuer after = issuerAt(key, now.minusSeconds(60));
    a.authorizeIssuer(before.address());
    b.authorizeIssuer(before.address());
    Credentials early = newBorrower();
    Credentials late = newBorrower();
    CredentialPackage legit = threshold(before, early, 650);
    CredentialPackage stolen = threshold(after, late, 800);
    Credentials third = newBorrower();
    CredentialPackage unminted = threshold(before, third, 650);
    for (RegistryClient r : List.of(a, b)) {
      as(chainOf(r), r, early).mint(legit);
      as(chainOf(r), r, late).mint(stolen);
    }

    Instant compromised = now.minusSeconds(300);
    for (RegistryClient r : List.of(a, b)) {
      as(chainOf(r), r, chainOf(r).account(0)).suspendIssuer(before.address(), compromised);
      assertThat(r.suspendedFrom(before.address())).contains(compromised);
      assertThat(r.isValid(legit.uid())).isTrue();
      assertThat(r.isValid(stolen.uid())).isFalse();
      assertThat(r.bandOf(new Address(late.getAddress())))
          .isEqualTo(new RegistryClient.BandStatus(0, 0, Instant.EPOCH, false));
      assertThat(r.meetsThreshold(new Address(late.getAddress()), 600)).isFalse();
      assertThat(r.meetsThreshold(new Address(early.getAddress()), 600)).isTrue();
    }
    // Even a (backdated) attestation the key signed before the suspension mints nowhere now.
    expectRevert(() -> as(chainA, a, third).mint(unminted), Reason.ISSUER_SUSPENDED);
    // A suspension only moves earlier; only an admin suspends.
    expectRevert(
        () -> as(chainA, a, chainA.account(0)).suspendIssuer(before.address(), now),
        Reason.INVALID_SUSPENSION);
    expectRevert(
        () -> as(chainA, a, chainA.account(3)).suspendIssuer(issuer.address(), now),
        Reason.ACCESS_DENIED);
  }

  @Test
  void keyRotationKeepsTheOldKeysAttestationsAndTheNewKeyIssues() throws Exception {
    Credentials oldKey = Credentials.create(Keys.createEcKeyPair());
    AttestationIssuer oldIssuer = new AttestationIssuer(oldKey, RANDOM, Clock.systemUTC());
    AttestationIssuer newIssuer =
        new AttestationIssuer(chainA.account(3), RANDOM, Clock.systemUTC());
    a.authorizeIssuer(oldIssuer.address());
    Credentials borrower = newBorrower();
    CredentialPackage old = threshold(oldIssuer, borrower, 650);
    as(chainA, a, borrower).mint(old);
    CredentialPackage signedBeforeRotation = threshold(oldIssuer, newBorrower(), 650);

    // Rotation: grant the new key, remove the old one (which suspends it from now).
    a.authorizeIssuer(newIssuer.address());
    chainA.increaseTime(5);
    a.removeIssuer(oldIssuer.address());
    assertThat(a.suspendedFrom(oldIssuer.address())).isPresent();
    assertThat(a.isValid(old.uid())).as("issued before the rotation").isTrue();

    Credentials other = newBorrower();
    CredentialPackage fresh = threshold(newIssuer, other, 700);
    as(chainA, a, other).mint(fresh);
    assertThat(a.meetsThreshold(new Address(other.getAddress()), 700)).isTrue();
    // The old key mints nothing any more.
    CredentialPackage late = threshold(oldIssuer, borrower, 650);
    expectRevert(() -> as(chainA, a, borrower).mint(late), Reason.UNAUTHORIZED_ISSUER);
    assertThat(signedBeforeRotation.attestation().issuer()).isEqualTo(oldIssuer.address());
  }

  @Test
  void theAdminRevokesAnyAttestationMintedOrNot() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage minted = threshold(issuer, borrower, 650);
    CredentialPackage notYet = threshold(issuer, borrower, 650);
    as(chainA, a, borrower).mint(minted);
    RegistryClient admin = as(chainA, a, chainA.account(0));
    admin.revoke(minted.uid());
    admin.revoke(notYet.uid());
    assertThat(a.isValid(minted.uid())).isFalse();
    assertThat(a.isRevokedByAdmin(notYet.uid())).isTrue();
    expectRevert(() -> as(chainA, a, borrower).mint(notYet), Reason.ATTESTATION_REVOKED);
    // Neither the borrower nor an outsider can revoke directly.
    CredentialPackage third = threshold(issuer, borrower, 650);
    as(chainA, a, borrower).mint(third);
    expectRevert(() -> as(chainA, a, borrower).revoke(third.uid()), Reason.NOT_ISSUER);
    expectRevert(() -> as(chainA, a, chainA.account(4)).revoke(third.uid()), Reason.NOT_ISSUER);
  }

  @Test
  void aMultisigContractIssuerIssuesAndRevokesThroughErc1271() throws Exception {
    List<Credentials> owners = sortedOwners();
    Address walletAddress = twoOfThreeWallet(owners);
    DigestSigner twoOfThree = multisig(walletAddress, owners.get(0), owners.get(2));
    AttestationIssuer contractIssuer = new AttestationIssuer(twoOfThree, RANDOM, Clock.systemUTC());
    a.authorizeIssuer(walletAddress);

    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(contractIssuer, borrower, 650);
    var minted = as(chainA, a, borrower).mint(pkg);
    GasReport.record(
        "mint threshold, ERC-1271 2-of-3 multisig issuer", minted.receipt().getGasUsed());
    assertThat(a.isValid(pkg.uid())).isTrue();
    var report =
        new CredentialVerifier(Clock.systemUTC())
            .verify(
                pkg.withoutOpening(),
                VerificationPolicy.trusting(Set.of(walletAddress))
                    .withOnChainStatus(chainA.rpcUrl(), a.address()));
    assertThat(report.valid()).as(report.toString()).isTrue();

    // One owner alone is not the issuer.
    AttestationIssuer oneOwner =
        new AttestationIssuer(multisig(walletAddress, owners.get(1)), RANDOM, Clock.systemUTC());
    Credentials other = newBorrower();
    CredentialPackage forged = threshold(oneOwner, other, 650);
    expectRevert(() -> as(chainA, a, other).mint(forged), Reason.INVALID_ISSUER_SIGNATURE);

    as(chainA, a, chainA.account(4)).relay(contractIssuer.revocation(pkg.uid()));
    assertThat(a.isValid(pkg.uid())).isFalse();
  }

  @Test
  void aContractWalletRecipientConsentsThroughErc1271() throws Exception {
    // Consents are checked by ECDSA first, and by ERC-1271 when that does not recover the
    // recipient and the recipient has code: one owner's plain signature is not the wallet's.
    List<Credentials> owners = sortedOwners();
    Address wallet = twoOfThreeWallet(owners);
    CredentialPackage pkg =
        issuer.issue(wallet, Opening.random(720, RANDOM), new Statement.Threshold(650), MODEL);
    RegistryClient relayer = as(chainA, a, chainA.account(4));
    Bytes32 digest = a.consentDigest(pkg.uid());

    byte[] oneOwner = Eip712.sign(digest, owners.get(1).getEcKeyPair());
    expectRevert(() -> relayer.mintWithConsent(pkg, oneOwner), Reason.INVALID_CONSENT);
    assertThat(a.getAttestation(pkg.uid())).isEmpty();

    relayer.mintWithConsent(pkg, multisig(wallet, owners.get(0), owners.get(2)).sign(digest));
    assertThat(a.isValid(pkg.uid())).isTrue();
    assertThat(a.currentOf(wallet)).contains(pkg.uid());
  }

  /** Three fresh keys in ascending address order (as ExampleMultisigIssuer wants signatures). */
  static List<Credentials> sortedOwners() throws Exception {
    List<Credentials> owners = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      owners.add(Credentials.create(Keys.createEcKeyPair()));
    }
    owners.sort(
        Comparator.comparing(c -> new BigInteger(Numeric.cleanHexPrefix(c.getAddress()), 16)));
    return owners;
  }

  /** Deploys a 2-of-3 ERC-1271 account of {@code owners} on chain A. */
  static Address twoOfThreeWallet(List<Credentials> owners) throws Exception {
    ExampleMultisigIssuer wallet =
        ExampleMultisigIssuer.deploy(
                chainA.web3j(),
                TestChain.sender(chainA, chainA.account(0)),
                TestChain.GAS,
                owners.stream().map(Credentials::getAddress).toList(),
                BigInteger.TWO)
            .send();
    return new Address(wallet.getContractAddress());
  }

  /** Signs for an ExampleMultisigIssuer: the owners' signatures in ascending address order. */
  static DigestSigner multisig(Address wallet, Credentials... sortedOwners) {
    return new DigestSigner() {
      @Override
      public Address address() {
        return wallet;
      }

      @Override
      public byte[] sign(Bytes32 digest) {
        byte[] out = new byte[65 * sortedOwners.length];
        for (int i = 0; i < sortedOwners.length; i++) {
          System.arraycopy(Eip712.sign(digest, sortedOwners[i].getEcKeyPair()), 0, out, 65 * i, 65);
        }
        return out;
      }
    };
  }

  // ------------------------------------------------------------------ 3. no cherry-picking

  @Test
  void aFutureDatedAttestationIsRefused() throws Exception {
    Credentials borrower = newBorrower();
    AttestationIssuer fromTheFuture =
        issuerAt(issuerKey, chainNow(chainA).plus(Duration.ofHours(1)));
    CredentialPackage pkg = threshold(fromTheFuture, borrower, 650);
    expectRevert(() -> as(chainA, a, borrower).mint(pkg), Reason.ISSUED_IN_FUTURE);
    assertThat(a.currentOf(new Address(borrower.getAddress()))).isEmpty();
  }

  @Test
  void aValidityLongerThanTheRegistryMaximumIsRefused() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg =
        issuer.issue(
            new Address(borrower.getAddress()),
            Opening.random(720, RANDOM),
            new Statement.Threshold(650),
            MODEL,
            Duration.ofDays(365));
    expectRevert(() -> as(chainA, a, borrower).mint(pkg), Reason.VALIDITY_TOO_LONG);
  }

  @Test
  void theIssuerSupersedesAnOlderStrongerAttestationOnEveryChain() throws Exception {
    Credentials borrower = newBorrower();
    Instant now = chainNow(chainA).truncatedTo(ChronoUnit.SECONDS);
    CredentialPackage strong = threshold(issuerAt(issuerKey, now.minusSeconds(120)), borrower, 750);
    CredentialPackage weak = threshold(issuerAt(issuerKey, now.minusSeconds(60)), borrower, 650);
    CredentialPackage weaker = threshold(issuerAt(issuerKey, now.minusSeconds(90)), borrower, 600);
    as(chainA, a, borrower).mint(strong);
    Address holder = new Address(borrower.getAddress());
    assertThat(a.meetsThreshold(holder, 750)).isTrue();

    // The borrower withholds `weak`; the issuer's pipeline relays the supersession everywhere.
    List<SignedRevocation> superseded =
        issuer.supersede(weak.attestation(), List.of(strong.attestation(), weaker.attestation()));
    assertThat(superseded).extracting(SignedRevocation::uid).containsExactly(strong.uid());
    for (RegistryClient r : List.of(a, b)) {
      for (SignedRevocation s : superseded) {
        as(chainOf(r), r, chainOf(r).account(4)).relay(s);
      }
    }
    assertThat(a.meetsThreshold(holder, 600)).as("no fallback to an older one").isFalse();
    expectRevert(() -> as(chainB, b, borrower).mint(strong), Reason.ATTESTATION_REVOKED);

    // Current = newest issuedAt minted: an older one minted later does not take over.
    as(chainA, a, borrower).mint(weak);
    as(chainA, a, borrower).mint(weaker);
    assertThat(a.currentOf(holder)).contains(weak.uid());
    assertThat(a.bandOf(holder).lo()).isEqualTo(650);
  }

  // ------------------------------------------------------------------ 4. consent per registry

  @Test
  void aConsentForRegistryXIsRefusedByRegistryYOnTheSameChain() throws Exception {
    RegistryClient y = deploy(chainA);
    y.authorizeIssuer(issuer.address());
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 650);
    byte[] consentForX =
        Eip712.sign(
            Eip712.consentDigest(pkg.uid(), chainA.chainId(), a.address()),
            borrower.getEcKeyPair());
    expectRevert(
        () -> as(chainA, y, chainA.account(3)).mintWithConsent(pkg, consentForX),
        Reason.INVALID_CONSENT);
    as(chainA, a, chainA.account(3)).mintWithConsent(pkg, consentForX);
    assertThat(a.isValid(pkg.uid())).isTrue();
    assertThat(y.getAttestation(pkg.uid())).isEmpty();
  }

  // ------------------------------------------------------------------ 5. range checks

  @Test
  void timestampsBeyond48BitsAreRefusedNotTruncated() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 650);
    CreditAttestation x = pkg.attestation();
    // 2^48 + expiresAt would be stored as expiresAt if cut to 48 bits.
    Instant farFuture = Instant.ofEpochSecond((1L << 48) + x.expiresAt().getEpochSecond());
    CreditAttestation overflow =
        new CreditAttestation(
            x.schema(),
            x.issuer(),
            x.recipient(),
            x.commitment(),
            x.statement(),
            x.modelId(),
            x.proofHash(),
            x.issuedAt(),
            farFuture,
            x.nonce());
    CredentialPackage signed =
        new CredentialPackage(overflow, issuer.sign(overflow), pkg.proof(), Optional.empty());
    expectRevert(() -> as(chainA, a, borrower).mint(signed), Reason.TIMESTAMP_OUT_OF_RANGE);
  }

  // ------------------------------------------------------------------ 6. ERC-721 surface, events

  @Test
  void theErc721SurfaceAnswersAndARevocationBurnsTheTokenOnce() throws Exception {
    Credentials borrower = newBorrower();
    Address holder = new Address(borrower.getAddress());
    CredentialPackage pkg = threshold(issuer, borrower, 650);
    CredenceRegistry reg = wrapper(a, chainA.account(0));
    BigInteger tokenId = new BigInteger(1, pkg.uid().bytes());
    assertThat(reg.supportsInterface(Numeric.hexStringToByteArray("0x80ac58cd")).send()).isTrue();
    assertThat(reg.supportsInterface(Numeric.hexStringToByteArray("0x5b5e139f")).send()).isTrue();
    assertThat(reg.supportsInterface(Numeric.hexStringToByteArray("0xb45a3c0e")).send()).isTrue();
    assertThat(reg.supportsInterface(Numeric.hexStringToByteArray("0x01ffc9a7")).send()).isTrue();
    assertThat(reg.supportsInterface(Numeric.hexStringToByteArray("0xffffffff")).send()).isFalse();
    assertThat(reg.name().send()).isEqualTo("Credence Credit Attestation");
    assertThat(reg.symbol().send()).isEqualTo("CREDIT");
    assertThat(a.balanceOf(holder)).isZero();

    var minted = as(chainA, a, borrower).mint(pkg);
    assertThat(CredenceRegistry.getCurrentChangedEvents(minted.receipt()))
        .singleElement()
        .satisfies(e -> assertThat(Bytes32.of(e.current)).isEqualTo(pkg.uid()));
    assertThat(a.balanceOf(holder)).isEqualTo(1);
    assertThat(reg.ownerOf(tokenId).send()).isEqualToIgnoringCase(holder.toString());
    assertThat(reg.tokenURI(tokenId).send()).isEmpty();

    var revoked = as(chainA, a, issuerKey).revoke(pkg.uid());
    assertThat(CredenceRegistry.getTransferEvents(revoked))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.from).isEqualToIgnoringCase(holder.toString());
              assertThat(t.to).isEqualTo(Address.DEFAULT.toString());
              assertThat(t.tokenId).isEqualTo(tokenId);
            });
    assertThat(a.balanceOf(holder)).isZero();
    assertThatThrownBy(() -> reg.ownerOf(tokenId).send()).isInstanceOf(Exception.class);
    assertThat(a.getAttestation(pkg.uid()))
        .hasValueSatisfying(r -> assertThat(r.revoked()).isTrue());

    // The signed form of the same revocation, relayed directly (bypassing the client's
    // idempotence), changes nothing and emits nothing.
    var again =
        wrapper(a, chainA.account(4))
            .revokeWithSignature(
                pkg.uid().bytes(), issuer.address().toString(), issuer.signRevocation(pkg.uid()))
            .send();
    assertThat(again.getLogs()).isEmpty();
    assertThat(a.bandOf(holder))
        .as("bandOf says nothing about an invalid attestation")
        .isEqualTo(new RegistryClient.BandStatus(0, 0, Instant.EPOCH, false));
  }

  /**
   * The ERC-721 balance is kept in the holder's current record (storage packing): it must follow
   * each holder's own mints and burns — an attestation that does not become current, a burn of a
   * non-current one, a burn of the current one, a new current after that — and never another's.
   */
  @Test
  void balancesFollowEachHoldersOwnMintsAndBurnsAndNoOneElses() throws Exception {
    Credentials x = newBorrower();
    Credentials y = newBorrower();
    Address hx = new Address(x.getAddress());
    Address hy = new Address(y.getAddress());
    Instant now = chainNow(chainA).truncatedTo(ChronoUnit.SECONDS);
    CredentialPackage newer = threshold(issuerAt(issuerKey, now.minusSeconds(60)), x, 650);
    CredentialPackage older = threshold(issuerAt(issuerKey, now.minusSeconds(120)), x, 700);
    CredentialPackage ys = threshold(issuerAt(issuerKey, now.minusSeconds(30)), y, 600);

    as(chainA, a, x).mint(newer);
    as(chainA, a, x).mint(older); // older issuedAt: not current, but counted
    assertThat(a.currentOf(hx)).contains(newer.uid());
    assertThat(a.balanceOf(hx)).isEqualTo(2);
    as(chainA, a, y).mint(ys);
    assertThat(a.balanceOf(hy)).isEqualTo(1);
    assertThat(a.balanceOf(hx)).isEqualTo(2);

    as(chainA, a, issuerKey).revoke(older.uid()); // not current
    assertThat(a.balanceOf(hx)).isEqualTo(1);
    assertThat(a.balanceOf(hy)).isEqualTo(1);
    as(chainA, a, issuerKey).revoke(newer.uid()); // current
    assertThat(a.balanceOf(hx)).isZero();
    assertThat(a.balanceOf(hy)).isEqualTo(1);
    assertThat(a.currentOf(hx)).contains(newer.uid());

    CredentialPackage next = threshold(issuerAt(issuerKey, now.minusSeconds(10)), x, 620);
    as(chainA, a, x).mint(next);
    assertThat(a.currentOf(hx)).contains(next.uid());
    assertThat(a.balanceOf(hx)).isEqualTo(1);
    assertThat(a.balanceOf(hy)).isEqualTo(1);
    assertThat(a.getAttestation(newer.uid()))
        .hasValueSatisfying(
            r -> {
              assertThat(r.recipient()).isEqualTo(hx);
              assertThat(r.revoked()).isTrue();
            });
  }

  // ------------------------------------------------------------------ 7. check order

  @Test
  void theIssuerSignatureIsCheckedBeforeConsentAsDocumented() throws Exception {
    Credentials borrower = newBorrower();
    CredentialPackage pkg = threshold(issuer, borrower, 650);
    byte[] sig = pkg.issuerSignature();
    sig[10] ^= 0x01;
    CredentialPackage forged =
        new CredentialPackage(pkg.attestation(), sig, pkg.proof(), Optional.empty());
    expectRevert(
        () -> as(chainA, a, chainA.account(3)).mint(forged), Reason.INVALID_ISSUER_SIGNATURE);
  }
}
