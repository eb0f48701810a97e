using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>A failure with its verdict.</summary>
/// <param name="Failure">The failure.</param>
/// <param name="Type">The rules' type.</param>
/// <param name="Confidence">The rules' confidence.</param>
/// <param name="Secondary">The type that would come next.</param>
/// <param name="Evidence">The lines behind the type.</param>
/// <param name="Related">The log blocks that belong to the failure.</param>
/// <param name="RelatedLines">Their strongest lines.</param>
internal sealed record ClassifiedFailure(
    TestFailure Failure,
    ErrorType Type,
    double Confidence,
    ErrorType? Secondary,
    IReadOnlyList<EvidenceLine> Evidence,
    IReadOnlyList<LogSignal> Related,
    IReadOnlyList<EvidenceLine> RelatedLines)
{
    /// <summary>Per type, the rules' score on the failure's own lines.</summary>
    public IReadOnlyList<double> OwnScores { get; init; } = [];

    /// <summary>Per type, the rules' best score on the blocks that belong to it.</summary>
    public IReadOnlyList<double> ContextScores { get; init; } = [];

    /// <summary>True when a user's rule or classifier made the verdict: it then wins over the learned judge.</summary>
    public bool ByUser { get; init; }
}
