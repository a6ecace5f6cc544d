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
 * The aggregated Bulletproofs range proof: prover, and a verifier in single multi-scalar
 * multiplication form that also batches many proofs. Notation follows docs/zk-protocol.md.
 */
final class RangeProofProtocol {

  static final String DOMAIN_SEPARATOR = "credence/bulletproofs-range/v1";
  static final byte[] RAW_STATEMENT = {0x00};
  static final int MAX_VALUES = 64;

  private RangeProofProtocol() {}

  /** A proof to check against public inputs, with the transcript it must be checked on. */
  record Claim(
      Transcript transcript,
      int n,
      byte[] statement,
      GroupElement[] commitments,
      byte[] context,
      RangeProof proof) {}

  static void checkParameters(int n, int m) throws ProofVerificationException {
    if (n != 8 && n != 16 && n != 32 && n != 64) {
      throw new ProofVerificationException(Reason.UNSUPPORTED_PARAMETERS, "n must be 8/16/32/64");
    }
    if (m < 1 || m > MAX_VALUES || Integer.bitCount(m) != 1) {
      throw new ProofVerificationException(
          Reason.UNSUPPORTED_PARAMETERS, "m must be a power of two ≤ " + MAX_VALUES);
    }
  }

  /** The public inputs every proof binds before its first challenge. */
  static void bind(
      Transcript t, int n, byte[] statement, GroupElement[] commitments, byte[] context) {
    t.append("dom-sep", Bytes.ascii(DOMAIN_SEPARATOR));
    t.appendU64("n", n);
    t.appendU64("m", commitments.length);
    t.append("statement", statement);
    for (GroupElement v : commitments) {
      t.appendPoint("V", v);
    }
    t.append("context", context);
  }

  static RangeProof prove(
      Transcript t,
      int n,
      byte[] statement,
      GroupElement[] commitments,
      BigInteger[] v,
      BigInteger[] gamma,
      byte[] context,
      SecureRandom rnd) {
    int m = v.length;
    try {
      checkParameters(n, m);
    } catch (ProofVerificationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    BigInteger bound = BigInteger.ONE.shiftLeft(n);
    for (int j = 0; j < m; j++) {
      if (v[j].signum() < 0 || v[j].compareTo(bound) >= 0) {
        throw new StatementNotSatisfiedException(
            "value " + j + " of " + m + " is not in [0, 2^" + n + ")");
      }
    }
    try {
      return proveChecked(t, n, statement, commitments, v, gamma, context, rnd);
    } catch (ProofVerificationException e) {
      // Only a zero challenge (probability ~2^-254) can get here.
      throw new IllegalStateException("proving aborted: " + e.getMessage(), e);
    }
  }

  private static RangeProof proveChecked(
      Transcript t,
      int n,
      byte[] statement,
      GroupElement[] commitments,
      BigInteger[] v,
      BigInteger[] gamma,
      byte[] context,
      SecureRandom rnd)
      throws ProofVerificationException {
    CurveGroup grp = Bn254.GROUP;
    int m = v.length;
    int nm = n * m;
    GroupElement[] gens = Generators.gVector(nm);
    GroupElement[] hens = Generators.hVector(nm);
    bind(t, n, statement, commitments, context);

    // Bit vectors a_L, a_R = a_L − 1.
    boolean[] bits = new boolean[nm];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < n; i++) {
        bits[j * n + i] = v[j].testBit(i);
      }
    }
    BigInteger alpha = ScalarField.random(rnd);
    // A = α·H + Σ_{a_L=1} G_i − Σ_{a_L=0} H_i: additions only.
    GroupElement[] aTerms = new GroupElement[nm + 1];
    for (int i = 0; i < nm; i++) {
      aTerms[i] = bits[i] ? gens[i] : grp.negate(hens[i]);
    }
    aTerms[nm] = grp.multiply(Generators.H, alpha);
    GroupElement bigA = grp.sum(aTerms);

    BigInteger[] sL = new BigInteger[nm];
    BigInteger[] sR = new BigInteger[nm];
    for (int i = 0; i < nm; i++) {
      sL[i] = ScalarField.random(rnd);
      sR[i] = ScalarField.random(rnd);
    }
    BigInteger rho = ScalarField.random(rnd);
    GroupElement[] sPoints = new GroupElement[2 * nm + 1];
    BigInteger[] sScalars = new BigInteger[2 * nm + 1];
    System.arraycopy(gens, 0, sPoints, 0, nm);
    System.arraycopy(hens, 0, sPoints, nm, nm);
    System.arraycopy(sL, 0, sScalars, 0, nm);
    System.arraycopy(sR, 0, sScalars, nm, nm);
    sPoints[2 * nm] = Generators.H;
    sScalars[2 * nm] = rho;
    GroupElement bigS = grp.multiScalarMultiply(sPoints, sScalars);

    t.appendPoint("A", bigA);
    t.appendPoint("S", bigS);
    BigInteger y = t.challenge("y");
    BigInteger z = t.challenge("z");

    // The vectors on F_r limbs (ScalarLimbs, Montgomery form, four longs per element).
    long[] sLL = new long[4 * nm];
    long[] sRL = new long[4 * nm];
    for (int k = 0; k < nm; k++) {
      ScalarLimbs.set(sLL, 4 * k, sL[k]);
      ScalarLimbs.set(sRL, 4 * k, sR[k]);
    }
    BigInteger[] zPow = ScalarField.powers(z, m + 3); // zPow[2 + j] = z^(2+j)
    long[] zL = ScalarLimbs.of(z);
    long[] yL = ScalarLimbs.of(y);
    long[] oneMinusZ = new long[4];
    long[] negZ = new long[4];
    long[] zMinusOne = new long[4];
    ScalarLimbs.sub(oneMinusZ, 0, ScalarLimbs.ONE, 0, zL, 0);
    ScalarLimbs.sub(negZ, 0, new long[4], 0, zL, 0);
    ScalarLimbs.sub(zMinusOne, 0, zL, 0, ScalarLimbs.ONE, 0);
    long[] yPow = ScalarLimbs.ONE.clone();
    long[] zTwoPow = new long[4];
    long[] tmp = new long[4];
    // l(X) = l0 + sL·X, r(X) = r0 + r1·X with
    // l0 = a_L − z, r0 = y^k·(a_R + z) + z^(2+j)·2^i, r1 = y^k·sR (a_R = a_L − 1)
    long[] l0 = new long[4 * nm];
    long[] r0 = new long[4 * nm];
    long[] r1 = new long[4 * nm];
    for (int j = 0; j < m; j++) {
      ScalarLimbs.set(zTwoPow, 0, zPow[2 + j]);
      for (int i = 0; i < n; i++) {
        int k = j * n + i;
        System.arraycopy(bits[k] ? oneMinusZ : negZ, 0, l0, 4 * k, 4);
        ScalarLimbs.mul(tmp, 0, yPow, 0, bits[k] ? zL : zMinusOne, 0);
        ScalarLimbs.add(r0, 4 * k, tmp, 0, zTwoPow, 0);
        ScalarLimbs.mul(r1, 4 * k, yPow, 0, sRL, 4 * k);
        ScalarLimbs.add(zTwoPow, 0, zTwoPow, 0, zTwoPow, 0);
        ScalarLimbs.mul(yPow, 0, yPow, 0, yL, 0);
      }
    }
    long[] acc = new long[4];
    innerProduct(l0, r1, nm, acc, tmp);
    long[] t1L = acc.clone();
    innerProduct(sLL, r0, nm, acc, tmp);
    ScalarLimbs.add(t1L, 0, t1L, 0, acc, 0);
    innerProduct(sLL, r1, nm, acc, tmp);
    BigInteger t1 = ScalarLimbs.toBigInteger(t1L, 0);
    BigInteger t2 = ScalarLimbs.toBigInteger(acc, 0);
    BigInteger tau1 = ScalarField.random(rnd);
    BigInteger tau2 = ScalarField.random(rnd);
    GroupElement[] gh = {Generators.G, Generators.H};
    GroupElement[] bigT =
        grp.multiScalarMultiplyAll(
            gh, new BigInteger[][] {{t1, tau1}, {t2, tau2}}); // one normalisation for both
    GroupElement bigT1 = bigT[0];
    GroupElement bigT2 = bigT[1];
    t.appendPoint("T1", bigT1);
    t.appendPoint("T2", bigT2);
    BigInteger x = t.challenge("x");

    BigInteger taux = add(mul(tau2, mul(x, x)), mul(tau1, x));
    for (int j = 0; j < m; j++) {
      taux = add(taux, mul(zPow[2 + j], gamma[j]));
    }
    BigInteger mu = add(alpha, mul(rho, x));
    long[] xL = ScalarLimbs.of(x);
    long[] l = l0; // l = l0 + sL·x, r = r0 + r1·x, in place
    long[] r = r0;
    for (int k = 0; k < nm; k++) {
      ScalarLimbs.mul(tmp, 0, sLL, 4 * k, xL, 0);
      ScalarLimbs.add(l, 4 * k, l0, 4 * k, tmp, 0);
      ScalarLimbs.mul(tmp, 0, r1, 4 * k, xL, 0);
      ScalarLimbs.add(r, 4 * k, r0, 4 * k, tmp, 0);
    }
    innerProduct(l, r, nm, acc, tmp);
    BigInteger tx = ScalarLimbs.toBigInteger(acc, 0);
    t.appendScalar("t_x", tx);
    t.appendScalar("tau_x", taux);
    t.appendScalar("mu", mu);
    BigInteger w = t.challenge("w");

    InnerProductArgument ipa =
        InnerProductArgument.prove(t, gens, hens, ScalarField.inv(y), w, l, r);
    return new RangeProof(
        bigA, bigS, bigT1, bigT2, tx, taux, mu, ipa.ls(), ipa.rs(), ipa.a(), ipa.b());
  }

  /** out = Σ_{k < len} x_k·y_k on F_r limbs; tmp is scratch. */
  private static void innerProduct(long[] x, long[] y, int len, long[] out, long[] tmp) {
    java.util.Arrays.fill(out, 0);
    for (int k = 0; k < len; k++) {
      ScalarLimbs.mul(tmp, 0, x, 4 * k, y, 4 * k);
      ScalarLimbs.add(out, 0, out, 0, tmp, 0);
    }
  }

  /**
   * Verifies all claims with one multi-scalar multiplication: each proof's two checks (the t(x)
   * polynomial check and the inner-product check) are combined with a random weight, and proofs are
   * combined with independent random weights. Any invalid proof makes the sum non-zero except with
   * probability about 1/r. On failure the individual proofs are re-checked to report which one
   * failed.
   */
  static void verify(List<Claim> claims, SecureRandom rnd) throws ProofVerificationException {
    if (claims.isEmpty()) {
      return;
    }
    int maxNm = 0;
    for (Claim c : claims) {
      maxNm = Math.max(maxNm, c.n() * c.commitments().length);
    }
    if (maxNm > Generators.MAX_VECTOR_LENGTH) {
      throw new ProofVerificationException(Reason.UNSUPPORTED_PARAMETERS, "too many values");
    }
    VerificationSum sum = new VerificationSum(maxNm);
    // Verification advances the transcripts; keep their starting states to re-check one by one.
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
            sum.gLimbs(),
            sum.hLimbs(),
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
            Reason.EQUATION_FAILED, "range proof does not verify for these public inputs");
      }
      for (int i = 0; i < claims.size(); i++) {
        Claim c = claims.get(i);
        try {
          verify(
              List.of(
                  new Claim(
                      starts.get(i),
                      c.n(),
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

  /** Adds weight·(this proof's verification terms) to the running linear combination. */
  private static void accumulate(
      Claim claim,
      BigInteger weight,
      BigInteger c,
      long[] gLimbs,
      long[] hLimbs,
      BigInteger[] base,
      List<GroupElement> points,
      List<BigInteger> scalars)
      throws ProofVerificationException {
    int n = claim.n();
    GroupElement[] vs = claim.commitments();
    int m = vs.length;
    checkParameters(n, m);
    int nm = n * m;
    RangeProof p = claim.proof();
    int rounds = Integer.numberOfTrailingZeros(nm);
    if (p.rounds() != rounds) {
      throw new ProofVerificationException(
          Reason.ROUND_COUNT_MISMATCH,
          "proof has " + p.rounds() + " rounds, n·m = " + nm + " needs " + rounds);
    }
    Transcript t = claim.transcript();
    bind(t, n, claim.statement(), vs, claim.context());
    t.appendPoint("A", p.a);
    t.appendPoint("S", p.s);
    BigInteger y = t.challenge("y");
    BigInteger z = t.challenge("z");
    t.appendPoint("T1", p.t1);
    t.appendPoint("T2", p.t2);
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

    // s_i = Π_k u_k^(±1), + when bit (rounds−1−k) of i is set; built in nm multiplications.
    // One inversion for y, y − 1 (for Σ y^i) and every u_k (Montgomery's trick).
    boolean yIsOne = y.equals(BigInteger.ONE);
    BigInteger[] toInvert = new BigInteger[rounds + 2];
    System.arraycopy(u, 0, toInvert, 0, rounds);
    toInvert[rounds] = y;
    toInvert[rounds + 1] = yIsOne ? BigInteger.ONE : sub(y, BigInteger.ONE);
    BigInteger[] inverses = ScalarField.batchInverse(toInvert);
    BigInteger[] uSq = new BigInteger[rounds];
    BigInteger[] uInvSq = new BigInteger[rounds];
    BigInteger allInv = BigInteger.ONE;
    for (int k = 0; k < rounds; k++) {
      uSq[k] = mul(u[k], u[k]);
      uInvSq[k] = mul(inverses[k], inverses[k]);
      allInv = mul(allInv, inverses[k]);
    }
    // The per-generator arithmetic runs on F_r limbs (ScalarLimbs, Montgomery form): about a
    // sixth of the cost of BigInteger products.
    long[] uSqL = new long[4 * rounds];
    for (int k = 0; k < rounds; k++) {
      ScalarLimbs.set(uSqL, 4 * k, uSq[k]);
    }
    long[] sv = new long[4 * nm];
    ScalarLimbs.set(sv, 0, allInv);
    for (int i = 1; i < nm; i++) {
      int lgI = 31 - Integer.numberOfLeadingZeros(i);
      ScalarLimbs.mul(sv, 4 * i, sv, 4 * (i - (1 << lgI)), uSqL, 4 * (rounds - 1 - lgI));
    }

    BigInteger yInv = inverses[rounds];
    BigInteger[] zPow = ScalarField.powers(z, m + 3);
    BigInteger a = p.ipaA;
    BigInteger b = p.ipaB;
    BigInteger cw = mul(c, weight);

    // δ(y, z) = (z − z²)·Σ y^i − Σ_j z^(3+j)·(2^n − 1), with Σ_{i<nm} y^i = (y^nm − 1)/(y − 1)
    BigInteger sumY =
        yIsOne
            ? ScalarField.of(nm)
            : mul(
                sub(y.modPow(BigInteger.valueOf(nm), ScalarField.R), BigInteger.ONE),
                inverses[rounds + 1]);
    BigInteger twoNMinus1 = BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE);
    BigInteger delta = mul(sub(z, zPow[2]), sumY);
    for (int j = 0; j < m; j++) {
      delta = sub(delta, mul(zPow[3 + j], twoNMinus1));
    }

    // weight·G_i: −weight·z − (weight·a)·s_i ;
    // weight·H_i: weight·z + (weight·y^-i)·(z^(2+j)·2^(i mod n) − b·s_i^-1)
    long[] wz = ScalarLimbs.of(mul(weight, z));
    long[] wNegZ = ScalarLimbs.of(neg(mul(weight, z)));
    long[] wa = ScalarLimbs.of(mul(weight, a));
    long[] bL = ScalarLimbs.of(b);
    long[] yInvL = ScalarLimbs.of(yInv);
    long[] wyInvPow = ScalarLimbs.of(weight);
    long[] zTwoPow = new long[4];
    long[] tmp = new long[4];
    for (int j = 0; j < m; j++) {
      ScalarLimbs.set(zTwoPow, 0, zPow[2 + j]);
      for (int i = 0; i < n; i++) {
        int k = j * n + i;
        ScalarLimbs.mul(tmp, 0, wa, 0, sv, 4 * k);
        ScalarLimbs.sub(tmp, 0, wNegZ, 0, tmp, 0);
        ScalarLimbs.add(gLimbs, 4 * k, gLimbs, 4 * k, tmp, 0);
        ScalarLimbs.mul(tmp, 0, bL, 0, sv, 4 * (nm - 1 - k));
        ScalarLimbs.sub(tmp, 0, zTwoPow, 0, tmp, 0);
        ScalarLimbs.mul(tmp, 0, wyInvPow, 0, tmp, 0);
        ScalarLimbs.add(tmp, 0, tmp, 0, wz, 0);
        ScalarLimbs.add(hLimbs, 4 * k, hLimbs, 4 * k, tmp, 0);
        ScalarLimbs.add(zTwoPow, 0, zTwoPow, 0, zTwoPow, 0);
        ScalarLimbs.mul(wyInvPow, 0, wyInvPow, 0, yInvL, 0);
      }
    }
    // G: w·(t_x − a·b) + c·(t_x − δ) ; H: −μ + c·τ_x
    BigInteger gb = add(mul(w, sub(p.tx, mul(a, b))), mul(c, sub(p.tx, delta)));
    BigInteger hb = add(neg(p.mu), mul(c, p.taux));
    base[0] = add(base[0], mul(weight, gb));
    base[1] = add(base[1], mul(weight, hb));

    addTerm(points, scalars, p.a, weight);
    addTerm(points, scalars, p.s, mul(weight, x));
    addTerm(points, scalars, p.t1, neg(mul(cw, x)));
    addTerm(points, scalars, p.t2, neg(mul(cw, mul(x, x))));
    for (int j = 0; j < m; j++) {
      addTerm(points, scalars, vs[j], neg(mul(cw, zPow[2 + j])));
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
