package io.credence.scoring;

import io.credence.scoring.internal.ModelStore;
import io.credence.scoring.scorecard.Scorecard;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The model registry: every model ever registered (by its SHA-256 model id), one of them active.
 * The bundled scorecard artifact is registered and made active at start-up; earlier models stay
 * registered so their scores and attestations can be re-verified.
 */
@Service
public class ScoringModels {

  private final ModelStore store;

  ScoringModels(ModelStore store) {
    this.store = store;
  }

  /** Every registered model, oldest first, with its usage count. */
  public List<RegisteredModel> models() {
    return store.models();
  }

  /** The model new scores use. */
  public RegisteredModel active() {
    return store.models().stream()
        .filter(RegisteredModel::active)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no active scoring model"));
  }

  /** A registered model by id (lower-case hex). */
  public Optional<RegisteredModel> find(String modelId) {
    return store.models().stream().filter(m -> m.modelId().equals(modelId)).findFirst();
  }

  /** The scorecard of a registered model whose artifact this server holds. */
  public Optional<Scorecard> scorecard(String modelId) {
    return store.scorecard(modelId);
  }
}
