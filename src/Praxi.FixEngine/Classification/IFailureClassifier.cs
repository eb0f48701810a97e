using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Classification;

/// <summary>
/// A custom classifier plugged in beside the built-in rules (for example a team's own heuristics or a model).
/// Its verdict wins when it is more confident than the built-in one.
/// </summary>
public interface IFailureClassifier
{
    /// <summary>Classifies one failure, or returns null to abstain.</summary>
    /// <param name="failure">What the runner reported, with the related backend lines.</param>
    /// <returns>A verdict, or null.</returns>
    FailureVerdict? Classify(FailureContext failure);
}

/// <summary>What a custom classifier sees of one failure.</summary>
/// <param name="Test">The test's title or id.</param>
/// <param name="Message">The error message.</param>
/// <param name="Lines">The failure's lines as the runner printed them.</param>
/// <param name="RelatedLogLines">Backend or server lines that belong to it.</param>
/// <param name="Action">The failing action, if known.</param>
/// <param name="Locator">The locator expression, if known.</param>
/// <param name="Framework">The runner, if known.</param>
public sealed record FailureContext(
    string Test,
    string Message,
    IReadOnlyList<string> Lines,
    IReadOnlyList<string> RelatedLogLines,
    string? Action,
    string? Locator,
    string? Framework);

/// <summary>A custom classifier's answer.</summary>
/// <param name="ErrorType">The type.</param>
/// <param name="Confidence">Confidence in [0, 1].</param>
/// <param name="Evidence">Why, in one line.</param>
public sealed record FailureVerdict(ErrorType ErrorType, double Confidence, string Evidence);
