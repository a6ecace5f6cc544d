package io.credence.attestations.lender;

import io.credence.attestations.CredentialPackage;
import io.credence.attestations.CreditAttestation;
import io.credence.attestations.Eip712;
import io.credence.attestations.RegistryClient;
import io.credence.attestations.RegistryException;
import io.credence.zk.ProofVerificationException;
import io.credence.zk.RangeProof;
import io.credence.zk.ScoreVerifier;
import io.credence.zk.Transcript;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The lender SDK: verifies a credential package offline — issuer signature and trust, expiry, proof
 * hash, the range proof against the commitment and statement, the policy's minimum score — and,
 * when the policy asks, its on-chain status through a JSON-RPC endpoint. Needs no trust in the
 * Credence server.
 *
 * <p>{@link #verify} never throws for a bad credential: every check is reported in the {@link
 * VerificationReport}, and the report is valid only if none failed. Thread-safe.
 */
public final class CredentialVerifier {

  private final Clock clock;
  private final ScoreVerifier proofs = new ScoreVerifier();

  public CredentialVerifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  public VerificationReport verify(CredentialPackage pkg, VerificationPolicy policy) {
    CreditAttestation a = pkg.attestation();
    List<CheckResult> out = new ArrayList<>();
    Web3j web3j = policy.onChain().map(o -> Web3j.build(new HttpService(o.rpcUrl()))).orElse(null);
    try {
      RegistryClient registry =
          policy
              .onChain()
              .map(
                  o ->
                      RegistryClient.at(
                          web3j,
                          new ReadonlyTransactionManager(web3j, Address.DEFAULT.toString()),
                          new DefaultGasProvider(),
                          o.registry().toString()))
              .orElse(null);
      out.add(signature(pkg, registry));
      out.add(issuerAllowed(a, policy, registry));
      out.add(expiry(a));
      boolean hashOk = Eip712.proofHash(pkg.proof()).equals(a.proofHash());
      out.add(
          hashOk
              ? CheckResult.pass(Check.PROOF_HASH, a.proofHash().hex())
              : CheckResult.fail(Check.PROOF_HASH, "keccak256(proof) ≠ attestation.proofHash"));
      out.add(rangeProof(pkg));
      out.add(minScore(a, policy));
      out.add(onChain(pkg, registry, policy.revocationSources()));
      return new VerificationReport(pkg.uid(), out);
    } finally {
      if (web3j != null) {
        web3j.shutdown();
      }
    }
  }

  private static CheckResult signature(CredentialPackage pkg, RegistryClient registry) {
    String problem;
    try {
      String signer = Eip712.recover(pkg.uid(), pkg.issuerSignature());
      if (new Address(signer).equals(pkg.attestation().issuer())) {
        return CheckResult.pass(Check.ISSUER_SIGNATURE, "signed by " + signer);
      }
      problem = "recovers " + signer + ", not the issuer " + pkg.attestation().issuer();
    } catch (SignatureException e) {
      problem = e.getMessage();
    }
    // A contract issuer (ERC-1271, e.g. a multisig) can only be checked on its chain.
    if (registry != null) {
      try {
        if (registry.isValidSignatureNow(
            pkg.attestation().issuer(), pkg.uid(), pkg.issuerSignature())) {
          return CheckResult.pass(
              Check.ISSUER_SIGNATURE,
              "valid for " + pkg.attestation().issuer() + " (ERC-1271, checked on chain)");
        }
      } catch (RegistryException e) {
        problem += "; registry unreachable: " + e.getMessage();
      }
    }
    return CheckResult.fail(Check.ISSUER_SIGNATURE, problem);
  }

  private static CheckResult issuerAllowed(
      CreditAttestation a, VerificationPolicy policy, RegistryClient registry) {
    if (!policy.trustedIssuers().isEmpty()) {
      return policy.trustedIssuers().contains(a.issuer())
          ? CheckResult.pass(Check.ISSUER_ALLOWED, a.issuer() + " is on the allow-list")
          : CheckResult.fail(Check.ISSUER_ALLOWED, a.issuer() + " is not on the allow-list");
    }
    if (registry == null) {
      return CheckResult.fail(
          Check.ISSUER_ALLOWED, "no trusted issuers configured and no registry to ask");
    }
    try {
      return registry.isIssuer(a.issuer())
          ? CheckResult.pass(
              Check.ISSUER_ALLOWED, a.issuer() + " holds ISSUER_ROLE on the registry")
          : CheckResult.fail(
              Check.ISSUER_ALLOWED, a.issuer() + " does not hold ISSUER_ROLE on the registry");
    } catch (RegistryException e) {
      return CheckResult.fail(Check.ISSUER_ALLOWED, "registry unreachable: " + e.getMessage());
    }
  }

  private CheckResult expiry(CreditAttestation a) {
    Instant now = clock.instant();
    if (!now.isBefore(a.expiresAt())) {
      return CheckResult.fail(Check.NOT_EXPIRED, "expired at " + a.expiresAt());
    }
    if (now.plusSeconds(300).isBefore(a.issuedAt())) {
      return CheckResult.fail(Check.NOT_EXPIRED, "issued in the future: " + a.issuedAt());
    }
    return CheckResult.pass(Check.NOT_EXPIRED, "valid until " + a.expiresAt());
  }

  private CheckResult rangeProof(CredentialPackage pkg) {
    CreditAttestation a = pkg.attestation();
    try {
      proofs.verify(
          Transcript.create(Eip712.TRANSCRIPT_LABEL),
          a.statement(),
          a.commitment(),
          Eip712.proofContext(a),
          // The verifier checks the round count against the statement; decoding must not fix it
          // to statement().bits(), which would refuse legacy threshold proofs (n = 8 for t < 256,
          // n = 16 for 595 <= t <= 850).
          RangeProof.fromAbiBytes(pkg.proof()));
      return CheckResult.pass(Check.RANGE_PROOF, "proves " + a.statement());
    } catch (ProofVerificationException e) {
      return CheckResult.fail(Check.RANGE_PROOF, e.reason() + ": " + e.getMessage());
    }
  }

  private static CheckResult minScore(CreditAttestation a, VerificationPolicy policy) {
    if (policy.minScore().isEmpty()) {
      return CheckResult.skipped(Check.MIN_SCORE, "no minimum score requested");
    }
    int min = policy.minScore().getAsInt();
    return a.lo() >= min
        ? CheckResult.pass(Check.MIN_SCORE, "score ≥ " + a.lo() + " ≥ " + min)
        : CheckResult.fail(Check.MIN_SCORE, "proves only score ≥ " + a.lo() + " < " + min);
  }

  private static CheckResult onChain(
      CredentialPackage pkg,
      RegistryClient registry,
      List<VerificationPolicy.OnChainStatus> revocationSources) {
    if (registry == null && revocationSources.isEmpty()) {
      return CheckResult.skipped(Check.ON_CHAIN_STATUS, "no registry given");
    }
    try {
      String detail = "not revoked on " + revocationSources.size() + " other registries";
      if (registry != null) {
        var record = registry.getAttestation(pkg.uid());
        if (record.isEmpty()) {
          return CheckResult.fail(Check.ON_CHAIN_STATUS, "not minted on " + registry.address());
        }
        if (record.get().revoked()) {
          return CheckResult.fail(Check.ON_CHAIN_STATUS, "revoked");
        }
        if (!registry.isValid(pkg.uid())) {
          return CheckResult.fail(
              Check.ON_CHAIN_STATUS, "expired or issuer key suspended on-chain");
        }
        detail = "minted and valid; " + detail;
      }
      for (var source : revocationSources) {
        Web3j web3j = Web3j.build(new HttpService(source.rpcUrl()));
        try {
          RegistryClient other =
              RegistryClient.at(
                  web3j,
                  new ReadonlyTransactionManager(web3j, Address.DEFAULT.toString()),
                  new DefaultGasProvider(),
                  source.registry().toString());
          CheckResult bad = revokedOn(pkg.attestation(), pkg.uid(), other);
          if (bad != null) {
            return bad;
          }
        } finally {
          web3j.shutdown();
        }
      }
      return CheckResult.pass(Check.ON_CHAIN_STATUS, detail);
    } catch (RegistryException e) {
      return CheckResult.fail(Check.ON_CHAIN_STATUS, "registry unreachable: " + e.getMessage());
    }
  }

  private static CheckResult revokedOn(
      CreditAttestation a, io.credence.attestations.Bytes32 uid, RegistryClient other)
      throws RegistryException {
    if (other.isRevokedBy(uid, a.issuer()) || other.isRevokedByAdmin(uid)) {
      return CheckResult.fail(Check.ON_CHAIN_STATUS, "revoked on " + other.address());
    }
    var suspended = other.suspendedFrom(a.issuer());
    if (suspended.isPresent() && !a.issuedAt().isBefore(suspended.get())) {
      return CheckResult.fail(
          Check.ON_CHAIN_STATUS,
          "issuer key suspended from " + suspended.get() + " on " + other.address());
    }
    return null;
  }
}
