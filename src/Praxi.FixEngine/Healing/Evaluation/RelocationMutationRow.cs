namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>Counts of a set of mutation cases; for removed elements an abstention is counted as correct.</summary>
/// <param name="Label">The mutation's name, or the set's label.</param>
/// <param name="Cases">Cases in the set.</param>
/// <param name="Correct">Cases found (or rightly abstained on).</param>
/// <param name="Wrong">Cases relocated to another element.</param>
/// <param name="Abstained">Cases abstained on although the element was still there.</param>
public sealed record RelocationMutationRow(string Label, int Cases, int Correct, int Wrong, int Abstained);
