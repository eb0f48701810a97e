namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>What <see cref="RelocationDatasetEvaluator.CrossValidate"/> measured, every figure on sites held out of the fit.</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="Learned">Per dataset, the learned model's outcomes (each site scored by the model of its fold).</param>
/// <param name="Baseline">Per dataset, the hand-set model's outcomes on the same targets.</param>
/// <param name="FoldResults">Per fold and dataset, the learned model's counts.</param>
/// <param name="Curve">Answered and wrong shares of the held-out targets as the accepted risk moves.</param>
/// <param name="Ranking">Per dataset, how often the answer ranks first (no threshold, no abstention) under each weights.</param>
public sealed record RelocationCrossValidation(
    int Folds,
    IReadOnlyList<RelocationDatasetReport> Learned,
    IReadOnlyList<RelocationDatasetReport> Baseline,
    IReadOnlyList<RelocationFoldResult> FoldResults,
    IReadOnlyList<RelocationRiskPoint> Curve,
    IReadOnlyList<RelocationRanking> Ranking);

/// <summary>How often the answer ranks first on one dataset, held out, under the learned and the hand-set weights.</summary>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Targets">Targets whose answer is in the pool.</param>
/// <param name="Learned">Targets whose answer the learned weights rank first.</param>
/// <param name="HandSet">Targets whose answer the hand-set weights rank first.</param>
public sealed record RelocationRanking(string Dataset, int Targets, int Learned, int HandSet);

/// <summary>One fold's counts on one dataset.</summary>
/// <param name="Fold">The fold, from 1.</param>
/// <param name="Dataset">The dataset's name.</param>
/// <param name="Pairs">Held-out targets.</param>
/// <param name="Correct">Relocated to their answer.</param>
/// <param name="Wrong">Relocated to another candidate.</param>
/// <param name="Abstained">Not relocated.</param>
/// <param name="MaxRisk">The risk the fold's model accepts.</param>
public sealed record RelocationFoldResult(int Fold, string Dataset, int Pairs, int Correct, int Wrong, int Abstained, double MaxRisk);

/// <summary>One point of the risk curve: at this accepted risk, how many held-out targets would be answered, and how many wrongly.</summary>
/// <param name="Risk">The accepted probability of a wrong answer.</param>
/// <param name="Targets">Held-out targets in all.</param>
/// <param name="Answered">Answered at this risk.</param>
/// <param name="Wrong">Answered wrongly at this risk.</param>
public sealed record RelocationRiskPoint(double Risk, int Targets, int Answered, int Wrong);
