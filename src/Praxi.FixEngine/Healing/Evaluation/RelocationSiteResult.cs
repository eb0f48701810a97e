namespace Praxi.FixEngine.Healing.Evaluation;

/// <summary>One site's counts in a relocation dataset (or a total over several sites).</summary>
/// <param name="Site">The site's name from <c>sites.json</c>, or the total's label.</param>
/// <param name="AnswersOnlyPool">Whether the site's candidates are only the answers (an easier pool).</param>
/// <param name="Candidates">Candidates on the new pages.</param>
/// <param name="Pairs">Targets with an answer.</param>
/// <param name="Correct">Targets relocated to their answer.</param>
/// <param name="Wrong">Targets relocated to another candidate (a wrong heal).</param>
/// <param name="Abstained">Targets the relocator abstained on.</param>
public sealed record RelocationSiteResult(string Site, bool AnswersOnlyPool, int Candidates, int Pairs, int Correct, int Wrong, int Abstained);
