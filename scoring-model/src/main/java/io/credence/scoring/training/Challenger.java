package io.credence.scoring.training;

import io.credence.scoring.features.FeatureVector;

/** A comparison model trained beside the scorecard; only its accuracy is reported. */
public interface Challenger {

  /** Short description, e.g. the algorithm and its main parameters. */
  String description();

  /** Predicted probability of default. */
  double probabilityOfDefault(FeatureVector features);
}
