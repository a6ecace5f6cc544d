package io.credence.zk;

import static io.credence.zk.ScalarField.add;
import static io.credence.zk.ScalarField.mul;
import static io.credence.zk.ScalarField.neg;
import static io.credence.zk.ScalarField.sub;

import io.credence.zk.ProofVerificationException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulletproofs for rank-1 constraint systems with committed inputs (Bünz et al. 2018, §5.3), on the
 * same group, generators, transcript and inner-product argument as the range proofs. Prover, and a
 * verifier in single multi-scalar-multiplication form that also batches. Notation and the byte
 * layout of the transcript follow docs/zk-protocol.md §13–§15.
 */
final class CircuitProofProtocol {

  static final String DOMAIN_SEPARATOR = "credence/bulletproofs-r1cs/v1";

  private CircuitProofProtocol() {}

  /**
   * A proof to check: the circuit (shape only), its statement bytes (what the circuit means, e.g.
   * the model binding), the committed variables and the caller's context.
   */
  record Claim(
      Transcript transcript,
      ConstraintSystem circuit,
      byte[] statement,
      GroupElement[] commitments,
      byte[] context,
      CircuitProof proof) {}

  /** Absorbs every public input before the first challenge (docs/zk-protocol.md §15). */
  static void bind(
      Transcript t,
      ConstraintSystem cs,
      byte[] statement,
      GroupElement[] commitments,
      byte[] context) {
    t.append("dom-sep", Bytes.ascii(DOMAIN_SEPARATOR));
    t.appendU64("n", cs.paddedGates());
    t.appendU64("m", commitments.length);
    t.appendU64("q", cs.constraintCount());
    t.append("circuit", cs.digest());
    t.append("statement", statement);
    for (GroupElement v : commitments) {
      t.appendPoint("V", v);
    }
    t.append("context", context);
  }

  /**
   * Proves that the witness in {@code cs} satisfies it, for commitments V_j = v_j·G + γ_j·H.
   *
   * @throws StatementNotSatisfiedException if it does not (no proof is produced)
   */
  static CircuitProof prove(
      Transcript t,
      ConstraintSystem cs,
      byte[] statement,
      GroupElement[] commitments,
      BigInteger[] gamma,
      byte[] context,
      SecureRandom rnd) {
    if (!cs.isSatisfied()) {
      throw new StatementNotSatisfiedException("the witness does not satisfy the circuit");
    }
    int n = cs.paddedGates();
    if (n > Generators.MAX_VECTOR_LENGTH) {
      throw new IllegalArgumentException("circuit has more than 4096 gates");
    }
    try {
      return proveChecked(t, cs, n, statement, commitments, gamma, context, rnd);
    } catch (ProofVerificationException e) {
      // Only a zero challenge (probability ~2^-254) can get here.
      throw new IllegalStateException("proving aborted: " + e.getMessage(), e);
    }
  }

  private static CircuitProof proveChecked(
      Transcript t,
      ConstraintSystem cs,
      int n,
      byte[] statement,
      GroupElement[] commitments,
      BigInteger[] gamma,
      byte[] context,
      SecureRandom rnd)
      throws ProofVerificationException {
    CurveGroup grp = Bn254.GROUP;
    GroupElement[] gens = Generators.gVector(n);
    GroupElement[] hens = Generators.hVector(n);
    bind(t, cs, statement, commitments, context);
    BigInteger[][] w = cs.paddedWitness(n);
    BigInteger[] aL = w[0];
    BigInteger[] aR = w[1];
    BigInteger[] aO = w[2];

    BigInteger alpha = ScalarField.random(rnd);
    BigInteger beta = ScalarField.random(rnd);
    BigInteger rho = ScalarField.random(rnd);
    BigInteger[] sL = new BigInteger[n];
    BigInteger[] sR = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      sL[i] = ScalarField.random(rnd);
      sR[i] = ScalarField.random(rnd);
    }
    GroupElement bigAi = vectorCommit(gens, hens, aL, aR, alpha);
    GroupElement bigAo = vectorCommit(gens, hens, aO, null, beta);
    GroupElement bigS = vectorCommit(gens, hens, sL, sR, rho);
    t.appendPoint("A_I", bigAi);
    t.appendPoint("A_O", bigAo);
    t.appendPoint("S", bigS);
    BigInteger y = t.challenge("y");
    BigInteger z = t.challenge("z");

    ConstraintSystem.Flattened f = cs.flatten(z, n);
    BigInteger[] yPow = ScalarField.powers(y, n);
    BigInteger[] yInvPow = ScalarField.powers(ScalarField.inv(y), n);
    // l(X) = l1·X + l2·X² + l3·X³ ; r(X) = r0 + r1·X + r3·X³
    BigInteger[] l1 = new BigInteger[n];
    BigInteger[] r0 = new BigInteger[n];
    BigInteger[] r1 = new BigInteger[n];
    BigInteger[] r3 = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      l1[i] = add(aL[i], mul(yInvPow[i], f.wR()[i]));
      r0[i] = sub(f.wO()[i], yPow[i]);
      r1[i] = add(mul(yPow[i], aR[i]), f.wL()[i]);
      r3[i] = mul(yPow[i], sR[i]);
    }
    BigInteger[] l2 = aO;
    BigInteger[] l3 = sL;
    BigInteger t1 = ip(l1, r0);
    BigInteger t3 = add(ip(l2, r1), ip(l3, r0));
    BigInteger t4 = add(ip(l1, r3), ip(l3, r1));
    BigInteger t5 = ip(l2, r3);
    BigInteger t6 = ip(l3, r3);
    BigInteger[] tCoeff = {t1, t3, t4, t5, t6};
    BigInteger[] tau = new BigInteger[5];
    GroupElement[] bigT = new GroupElement[5];
    GroupElement[] gh = {Generators.G, Generators.H};
    String[] labels = {"T1", "T3", "T4", "T5", "T6"};
    for (int i = 0; i < 5; i++) {
      tau[i] = ScalarField.random(rnd);
      bigT[i] = grp.multiScalarMultiply(gh, new BigInteger[] {tCoeff[i], tau[i]});
      t.appendPoint(labels[i], bigT[i]);
    }
    BigInteger x = t.challenge("x");

    BigInteger[] xPow = ScalarField.powers(x, 7);
    BigInteger taux =
        add(
            add(mul(tau[0], xPow[1]), mul(tau[1], xPow[3])),
            add(add(mul(tau[2], xPow[4]), mul(tau[3], xPow[5])), mul(tau[4], xPow[6])));
    BigInteger vGamma = ScalarField.innerProduct(f.wV(), 0, gamma, 0, gamma.length);
    taux = add(taux, mul(xPow[2], vGamma));
    BigInteger mu = add(add(mul(alpha, x), mul(beta, xPow[2])), mul(rho, xPow[3]));
    BigInteger[] l = new BigInteger[n];
    BigInteger[] r = new BigInteger[n];
    for (int i = 0; i < n; i++) {
      l[i] = add(add(mul(l1[i], x), mul(l2[i], xPow[2])), mul(l3[i], xPow[3]));
      r[i] = add(add(r0[i], mul(r1[i], x)), mul(r3[i], xPow[3]));
    }
    BigInteger tx = ip(l, r);
    t.appendScalar("t_x", tx);
    t.appendScalar("tau_x", taux);
    t.appendScalar("mu", mu);
    BigInteger wCh = t.challenge("w");
    InnerProductArgument ipa =
        InnerProductArgument.prove(t, gens, hens, ScalarField.inv(y), wCh, l, r);
    return new CircuitProof(
        bigAi, bigAo, bigS, bigT, tx, taux, mu, ipa.ls(), ipa.rs(), ipa.a(), ipa.b());
  }

  /** blinding·H + ⟨a, G⟩ + ⟨b, H_vec⟩ (b may be null); zero scalars are skipped. */
  private static GroupElement vectorCommit(
      GroupElement[] gens, GroupElement[] hens, BigInteger[] a, BigInteger[] b, BigInteger blind) {
    List<GroupElement> pts = new ArrayList<>();
    List<BigInteger> sc = new ArrayList<>();
    pts.add(Generators.H);
    sc.add(blind);
    for (int i = 0; i < a.length; i++) {
      if (a[i].signum() != 0) {
        pts.add(gens[i]);
        sc.add(a[i]);
      }
      if (b != null && b[i].signum() != 0) {
        pts.add(hens[i]);
        sc.add(b[i]);
      }
    }
    return Bn254.GROUP.multiScalarMultiply(
        pts.toArray(GroupElement[]::new), sc.toArray(BigInteger[]::new));
  }

  private static BigInteger ip(BigInteger[] a, BigInteger[] b) {
    return ScalarField.innerProduct(a, 0, b, 0, a.length);
  }

  /**
   * Verifies all claims with one multi-scalar multiplication (random linear combination of each
   * proof's two checks and of the proofs). On failure of a batch the proofs are re-checked one by
   * one to name the first invalid one.
   */
  static void verify(List<Claim> claims, SecureRandom rnd) throws ProofVerificationException {
    if (claims.isEmpty()) {
      return;
    }
    int maxN = 0;
    for (Claim c : claims) {
      maxN = Math.max(maxN, c.circuit().paddedGates());
    }
    if (maxN > Generators.MAX_VECTOR_LENGTH) {
      throw new ProofVerificationException(Reason.UNSUPPORTED_PARAMETERS, "too many gates");
    }
    VerificationSum sum = new VerificationSum(maxN);
    List<Transcript> starts = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      starts.add(claims.size() == 1 ? null : c.transcript().copy());
    }
    for (int i = 0; i < claims.size(); i++) {
      BigInteger weight = claims.size() == 1 ? BigInteger.ONE : ScalarField.random(rnd);
      try {
        accumulate(
            claims.get(i),
            weight,
            ScalarField.random(rnd),
            sum.gCoeff,
            sum.hCoeff,
            sum.base,
            sum.points,
            sum.scalars);
      } catch (ProofVerificationException e) {
        throw claims.size() == 1 ? e : e.atIndex(i);
      }
    }
    if (!sum.isIdentity()) {
      if (claims.size() == 1) {
        throw new ProofVerificationException(
            Reason.EQUATION_FAILED, "circuit proof does not verify for these public inputs");
      }
      for (int i = 0; i < claims.size(); i++) {
        Claim c = claims.get(i);
        try {
          verify(
              List.of(
                  new Claim(
                      starts.get(i),
                      c.circuit(),
                      c.statement(),
                      c.commitments(),
                      c.context(),
                      c.proof())),
              rnd);
        } catch (ProofVerificationException e) {
          throw e.atIndex(i);
        }
      }
      throw new ProofVerificationException(Reason.EQUATION_FAILED, "batch does not verify");
    }
  }

  private static void accumulate(
      Claim claim,
      BigInteger weight,
      BigInteger c,
      BigInteger[] gCoeff,
      BigInteger[] hCoeff,
      BigInteger[] base,
      List<GroupElement> points,
      List<BigInteger> scalars)
      throws ProofVerificationException {
    ConstraintSystem cs = claim.circuit();
    GroupElement[] vs = claim.commitments();
    if (vs.length != cs.committedCount()) {
      throw new ProofVerificationException(
          Reason.UNSUPPORTED_PARAMETERS,
          "circuit has " + cs.committedCount() + " committed inputs, got " + vs.length);
    }
    int n = cs.paddedGates();
    int rounds = Integer.numberOfTrailingZeros(n);
    CircuitProof p = claim.proof();
    if (p.rounds() != rounds) {
      throw new ProofVerificationException(
          Reason.ROUND_COUNT_MISMATCH,
          "proof has " + p.rounds() + " rounds, n = " + n + " needs " + rounds);
    }
    Transcript t = claim.transcript();
    bind(t, cs, claim.statement(), vs, claim.context());
    t.appendPoint("A_I", p.ai);
    t.appendPoint("A_O", p.ao);
    t.appendPoint("S", p.s);
    BigInteger y = t.challenge("y");
    BigInteger z = t.challenge("z");
    String[] labels = {"T1", "T3", "T4", "T5", "T6"};
    for (int i = 0; i < 5; i++) {
      t.appendPoint(labels[i], p.t[i]);
    }
    BigInteger x = t.challenge("x");
    t.appendScalar("t_x", p.tx);
    t.appendScalar("tau_x", p.taux);
    t.appendScalar("mu", p.mu);
    BigInteger w = t.challenge("w");
    BigInteger[] u = new BigInteger[rounds];
    for (int k = 0; k < rounds; k++) {
      t.appendPoint("L", p.ls[k]);
      t.appendPoint("R", p.rs[k]);
      u[k] = t.challenge("u");
    }

    BigInteger[] uSq = new BigInteger[rounds];
    BigInteger[] uInvSq = new BigInteger[rounds];
    BigInteger allInv = BigInteger.ONE;
    for (int k = 0; k < rounds; k++) {
      BigInteger uInv = ScalarField.inv(u[k]);
      uSq[k] = mul(u[k], u[k]);
      uInvSq[k] = mul(uInv, uInv);
      allInv = mul(allInv, uInv);
    }
    BigInteger[] sv = new BigInteger[n];
    sv[0] = allInv;
    for (int i = 1; i < n; i++) {
      int lgI = 31 - Integer.numberOfLeadingZeros(i);
      sv[i] = mul(sv[i - (1 << lgI)], uSq[rounds - 1 - lgI]);
    }

    ConstraintSystem.Flattened f = cs.flatten(z, n);
    BigInteger[] yInvPow = ScalarField.powers(ScalarField.inv(y), n);
    BigInteger[] xPow = ScalarField.powers(x, 7);
    BigInteger a = p.ipaA;
    BigInteger b = p.ipaB;
    // δ(y, z) = ⟨y^-n ∘ wR, wL⟩
    BigInteger delta = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      delta = add(delta, mul(mul(yInvPow[i], f.wR()[i]), f.wL()[i]));
    }
    // G_i: x·y^-i·wR_i − a·s_i ; H_i: −1 + y^-i·(x·wL_i + wO_i − b·s_(n−1−i))
    BigInteger minusOne = neg(BigInteger.ONE);
    for (int i = 0; i < n; i++) {
      BigInteger g = sub(mul(x, mul(yInvPow[i], f.wR()[i])), mul(a, sv[i]));
      BigInteger h =
          add(
              minusOne,
              mul(yInvPow[i], sub(add(mul(x, f.wL()[i]), f.wO()[i]), mul(b, sv[n - 1 - i]))));
      gCoeff[i] = add(gCoeff[i], mul(weight, g));
      hCoeff[i] = add(hCoeff[i], mul(weight, h));
    }
    // G: w·(t̂ − a·b) + c·(t̂ − x²·(δ + ⟨z, c⟩)) ; H: −μ + c·τ_x
    BigInteger gb =
        add(mul(w, sub(p.tx, mul(a, b))), mul(c, sub(p.tx, mul(xPow[2], add(delta, f.wc())))));
    BigInteger hb = add(neg(p.mu), mul(c, p.taux));
    base[0] = add(base[0], mul(weight, gb));
    base[1] = add(base[1], mul(weight, hb));

    BigInteger cw = mul(c, weight);
    addTerm(points, scalars, p.ai, mul(weight, x));
    addTerm(points, scalars, p.ao, mul(weight, xPow[2]));
    addTerm(points, scalars, p.s, mul(weight, xPow[3]));
    int[] tPow = {1, 3, 4, 5, 6};
    for (int i = 0; i < 5; i++) {
      addTerm(points, scalars, p.t[i], neg(mul(cw, xPow[tPow[i]])));
    }
    for (int j = 0; j < vs.length; j++) {
      BigInteger s = neg(mul(cw, mul(xPow[2], f.wV()[j])));
      if (s.signum() != 0) {
        addTerm(points, scalars, vs[j], s);
      }
    }
    for (int k = 0; k < rounds; k++) {
      addTerm(points, scalars, p.ls[k], mul(weight, uSq[k]));
      addTerm(points, scalars, p.rs[k], mul(weight, uInvSq[k]));
    }
  }

  private static void addTerm(
      List<GroupElement> points, List<BigInteger> scalars, GroupElement p, BigInteger s) {
    points.add(p);
    scalars.add(s);
  }
}
