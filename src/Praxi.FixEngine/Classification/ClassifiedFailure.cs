using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>A failure with its verdict.</summary>
internal sealed record ClassifiedFailure(
    TestFailure Failure,
    ErrorType Type,
    double Confidence,
    ErrorType? Secondary,
    IReadOnlyList<EvidenceLine> Evidence,
    IReadOnlyList<LogSignal> Related,
    IReadOnlyList<EvidenceLine> RelatedLines);
