namespace Praxi.FixEngine.Healing;

/// <summary>
/// The relocator's answer: the chosen candidate id, or <see langword="null"/> when it abstains, with the best
/// candidates (highest score first) either way.
/// </summary>
internal sealed record RelocationResult(RelocationOutcome Outcome, string? ChosenId, IReadOnlyList<ScoredCandidate> Top)
{
    public bool Abstained => ChosenId is null;
}
