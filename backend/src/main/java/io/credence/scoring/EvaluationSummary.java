package io.credence.scoring;

/**
 * What a risk officer reads first about a model: its held-out evaluation (docs/model-card.md).
 *
 * @param data the data it was evaluated on
 * @param rows evaluated (scorable) borrowers
 * @param defaults defaults among them
 * @param auc area under the ROC curve
 * @param ks Kolmogorov–Smirnov statistic
 * @param gini Gini coefficient
 * @param brier Brier score of the probability of default
 */
public record EvaluationSummary(
    String data, long rows, long defaults, double auc, double ks, double gini, double brier) {}
