/**
 * Zero-knowledge range proofs of credit-score statements on BN254, verifiable in Java and on the
 * EVM.
 *
 * <p>Entry points: {@link io.credence.zk.ScoreProver} and {@link io.credence.zk.ScoreVerifier} for
 * {@link io.credence.zk.Statement.Threshold threshold} and {@link io.credence.zk.Statement.Band
 * band} statements about a {@link io.credence.zk.Commitment Pedersen commitment}; {@link
 * io.credence.zk.RangeProof} for general aggregated range proofs and the canonical and EVM ABI
 * encodings; {@link io.credence.zk.Transcript} for the caller-owned Fiat–Shamir transcript. {@link
 * io.credence.zk.InferenceProver} and {@link io.credence.zk.InferenceVerifier} prove that a
 * committed score is a {@link io.credence.zk.ScorecardModel scorecard}'s output on committed
 * features (Bulletproofs arithmetic circuits, {@link io.credence.zk.CircuitProof}), with a {@link
 * io.credence.zk.PublicModel public} or {@link io.credence.zk.PrivateModel committed} model.
 *
 * <p>Contracts that hold throughout: verification returns normally or throws {@link
 * io.credence.zk.ProofVerificationException} with a reason; every decoded point and scalar is
 * validated; secrets ({@link io.credence.zk.Opening}, {@link io.credence.zk.Blinding}) are never
 * printed; all randomness comes from an injected {@link java.security.SecureRandom}. The protocol
 * is specified byte by byte in {@code docs/zk-protocol.md}.
 */
package io.credence.zk;
