using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Judging;

/// <summary>The judge's answer for one run.</summary>
/// <param name="Type">The most probable type, or <see cref="ErrorType.Unknown"/> when it is below the model's abstain line.</param>
/// <param name="Confidence">The calibrated probability of the most probable type.</param>
/// <param name="RunnerUp">The next most probable type (the best guess itself when <paramref name="Type"/> is unknown).</param>
/// <param name="RunnerUpConfidence">Its calibrated probability.</param>
/// <param name="Evidence">The input lines that weigh most toward the answer, strongest first.</param>
public sealed record JudgeVerdict(ErrorType Type, double Confidence, ErrorType RunnerUp, double RunnerUpConfidence, IReadOnlyList<EvidenceLine> Evidence);
