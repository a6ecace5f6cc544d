package io.credence.scoring.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.credence.scoring.artifact.ModelArtifacts;
import io.credence.scoring.data.LabelledBorrower;
import io.credence.scoring.features.Feature;
import io.credence.scoring.features.FeatureVector;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.scoring.simulation.BorrowerSimulator;
import io.credence.scoring.simulation.SimulationConfig;
import io.credence.zk.InferenceProof;
import io.credence.zk.InferenceProver;
import io.credence.zk.InferenceVerifier;
import io.credence.zk.Opening;
import io.credence.zk.PrivateModel;
import io.credence.zk.ProofVerificationException;
import io.credence.zk.PublicModel;
import io.credence.zk.ScoredInference;
import io.credence.zk.Statement;
import io.credence.zk.Transcript;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full prove/verify on the bundled model for simulated borrowers, public and private mode, with the
 * score commitment shared with the band proof. Proving costs ≈ 0.4 s (public) per borrower, so the
 * default suite proves a sample; {@code -Dzk.inferenceBorrowers=300} proves more.
 */
class InferenceProofCompletenessTest {

  static final String APP = "credence/attestation/v1";
  static final SecureRandom RND = new SecureRandom();

  @Test
  void everySimulatedScorableBorrowerGetsAVerifyingProof() throws Exception {
    int count = Integer.getInteger("zk.inferenceBorrowers", 12);
    Scorecard scorecard = ModelArtifacts.loadBundled().scorecard();
    PublicModel model = ZkScorecards.publicModel(scorecard);
    InferenceProver prover = new InferenceProver(RND);
    InferenceVerifier verifier = new InferenceVerifier(RND);
    List<InferenceVerifier.Claim> claims = new ArrayList<>();
    int proven = 0;
    for (LabelledBorrower row :
        BorrowerSimulator.simulate(SimulationConfig.of(21, 4 * count)).rows()) {
      if (proven == count) {
        break;
      }
      FeatureVector fv = row.features();
      if (!Scorecard.isScorable(fv)) {
        continue;
      }
      int score = scorecard.score(fv).score();
      byte[] ctx = ("attestation-" + proven).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      List<Opening> features = model.scorecard().openFeatures(ZkScorecards.raw(fv), RND);
      Opening scoreOpening = Opening.random(score, RND);
      InferenceProof p = prover.prove(Transcript.create(APP), model, features, scoreOpening, ctx);
      claims.add(new InferenceVerifier.Claim(Transcript.create(APP), model, p, ctx));
      proven++;
    }
    assertThat(proven).isEqualTo(count);
    verifier.verifyBatch(claims);
    verifier.verify(
        Transcript.create(APP),
        model,
        claims.get(0).proof(),
        "attestation-0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void privateModeAndTheBandProofOnTheBundledModel() throws Exception {
    Scorecard scorecard = ModelArtifacts.loadBundled().scorecard();
    PrivateModel model = PrivateModel.commit(ZkScorecards.model(scorecard), RND);
    FeatureVector fv =
        FeatureVector.of(
            java.util.Map.of(
                Feature.WALLET_AGE_DAYS, 900.0,
                Feature.CREDIT_HISTORY_DAYS, 400.0,
                Feature.REPAID_SHARE, 0.85,
                Feature.MIN_HEALTH_FACTOR, 2.5,
                Feature.TX_COUNT, 120.0));
    int score = scorecard.score(fv).score();
    String band = scorecard.score(fv).band();
    var b =
        scorecard.definition().bands().bands().stream()
            .filter(x -> x.name().equals(band))
            .findFirst()
            .orElseThrow();
    Statement statement = new Statement.Band(b.minScore(), b.maxScore());
    byte[] ctx = new byte[32];
    List<Opening> features = model.scorecard().openFeatures(ZkScorecards.raw(fv), RND);
    ScoredInference both =
        new InferenceProver(RND)
            .proveScored(
                Transcript.create(APP),
                model,
                features,
                Opening.random(score, RND),
                statement,
                ctx);
    InferenceVerifier verifier = new InferenceVerifier(RND);
    verifier.verifyScored(Transcript.create(APP), model.commitment(), both, statement, ctx);
    // The commitment survives publication; another model commitment does not verify.
    verifier.verify(
        Transcript.create(APP),
        io.credence.zk.ModelCommitment.fromBytes(model.commitment().toBytes()),
        both.inference(),
        ctx);
    PrivateModel other = PrivateModel.commit(ZkScorecards.model(scorecard), RND);
    assertThatThrownBy(
            () ->
                verifier.verify(Transcript.create(APP), other.commitment(), both.inference(), ctx))
        .isInstanceOf(ProofVerificationException.class);
  }
}
