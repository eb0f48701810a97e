using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Judging;

/// <summary>
/// What the judge weighs for one run: the rules' scores and verdict, the lines of the failure blocks and the
/// blocks beside them, and the runner and log format. Built by the analysis stage; the judge never reads files.
/// </summary>
/// <param name="OwnScores">Per type (indexed by <see cref="ErrorType"/>), the rules' best score on a failure's own lines.</param>
/// <param name="ContextScores">Per type, the rules' best score on the log blocks around the failures.</param>
/// <param name="RuleType">The type the rules alone give the run.</param>
/// <param name="RuleConfidence">The rules' confidence in it.</param>
/// <param name="Lines">The failure blocks' lines, then the related blocks' lines, each with where it comes from.</param>
/// <param name="Runners">The test runners the parsers recognised (<c>playwright</c>, <c>pytest</c>…).</param>
/// <param name="Formats">The log formats read.</param>
public sealed record JudgeInput(
    IReadOnlyList<double> OwnScores,
    IReadOnlyList<double> ContextScores,
    ErrorType RuleType,
    double RuleConfidence,
    IReadOnlyList<EvidenceLine> Lines,
    IReadOnlyList<string> Runners,
    IReadOnlyList<string> Formats);
