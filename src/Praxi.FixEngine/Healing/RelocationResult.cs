namespace Praxi.FixEngine.Healing;

/// <summary>
/// The relocator's answer: the chosen candidate id, or <see langword="null"/> when it abstains, with the best
/// candidates (highest score first) either way.
/// </summary>
/// <param name="Outcome">Why it answered or abstained.</param>
/// <param name="ChosenId">The chosen candidate's id; null when it abstained.</param>
/// <param name="Top">The best candidates, highest score first.</param>
public sealed record RelocationResult(RelocationOutcome Outcome, string? ChosenId, IReadOnlyList<ScoredCandidate> Top)
{
    /// <summary>True when the relocator chose no candidate.</summary>
    public bool Abstained => ChosenId is null;
}
