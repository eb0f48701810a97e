using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// Finds the element of a new page that is the old page's target, by a Similo-style weighted similarity over the
/// element's properties, and abstains when the best candidate is not clearly the one. A
/// wrong answer becomes a wrong heal, which is worse than none, so the relocator answers only when the best score
/// clears <see cref="Threshold"/> and beats the runner-up both by <see cref="Margin"/> and relatively
/// (<see cref="RelativeMargin"/>). Hidden candidates are ranked after visible ones of similar score
/// (<see cref="HiddenPenalty"/>) and chosen only when nothing visible is plausible.
/// </summary>
internal static partial class SimilarityRelocator
{
    /// <summary>
    /// The lowest similarity (0–1) the relocator answers with. Below it fewer than about half of what the target
    /// showed (weighted) is still there, and the element is more likely gone than changed.
    /// </summary>
    public const double Threshold = 0.45;

    /// <summary>
    /// How much the best score must beat the runner-up by, at least. Two candidates this close differ in no more
    /// than one weak property (a class, a path step), which is what duplicates and siblings look like.
    /// </summary>
    public const double Margin = 0.05;

    /// <summary>
    /// How much more of the target the runner-up must miss than the best candidate: 1 − runner-up ≥ 1.3 × (1 − best).
    /// A fixed margin means little when the best candidate itself explains only part of the target: at 0.6
    /// against 0.55 both miss almost half of it, and which of two half-matches is the element is a guess (list
    /// siblings, a text moved to the neighbouring card). When the best explains nearly everything (0.98), a
    /// runner-up at 0.9 misses five times as much and the choice is safe. So the runner-up's miss must exceed
    /// the winner's by a share of the winner's own miss, not by a fixed amount; 30 % is the smallest share that
    /// makes a 0.6 winner need the runner-up at ≤ 0.48 — the gap of one strong property (weight 1.5 of ~10)
    /// lost entirely. See docs/healing.md for the figures on both sides of this choice.
    /// </summary>
    public const double RelativeMargin = 1.3;

    /// <summary>
    /// What a hidden candidate's score is lowered by when candidates are ranked, so that a visible candidate of
    /// similar score wins over it: a healer must not heal to an element the user cannot see. Twice
    /// <see cref="Margin"/>: a hidden element must be clearly better, not about as good, to rank first — and even
    /// then it is chosen only when no visible candidate is plausible (<see cref="RelocationOutcome.FoundHidden"/>).
    /// </summary>
    public const double HiddenPenalty = 0.1;

    /// <summary>
    /// The share of what names the target (test id, id, name, text, accessible name, link target; weighted as in
    /// the score) that the chosen candidate must keep, more than this, when the target has any of those. When an
    /// element is removed, the next sibling often moves up into its place: same tag, same classes, the same path
    /// and neighbours, so it scores well on everything but its name, which is another. That is a different
    /// element, and healing to it is the worst outcome, so a candidate that keeps (almost) none of the target's
    /// name is not chosen: the relocator says <see cref="RelocationOutcome.ElementGone"/>. A fifth is the line
    /// between "shares a common word" ("Sign in" / "Sign up" with their rarity weights, 0.1–0.2) and "kept
    /// something that names it": a link whose text changed but whose target did not keeps 0.25 (0.5 of 2.0).
    /// </summary>
    public const double IdentityFloor = 0.2;

    /// <summary>How many of the best candidates a result lists.</summary>
    public const int TopCount = 3;

    /// <summary>Scores every candidate against the target and answers or abstains.</summary>
    public static RelocationResult Relocate(ElementProps target, IReadOnlyList<RelocationCandidate> candidates, RelocationModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(candidates);

        return Relocate(target, new RelocationPage(candidates), model);
    }

    /// <summary>Scores every candidate of a prepared page against the target and answers or abstains (the built-in model when none is given).</summary>
    public static RelocationResult Relocate(ElementProps target, RelocationPage page, RelocationModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(page);

        model ??= RelocationModel.BuiltIn;
        var features = new TargetFeatures(target);
        var scored = page.Candidates.Select(c =>
        {
            var (score, identity) = features.Score(c, page, model);
            return new ScoredCandidate(c.Id, score, c.Hidden, identity);
        }).ToArray();
        return Decide(scored, model);
    }

    /// <summary>Every candidate's similarity to the target, by candidate id (for diagnosis and reports).</summary>
    public static IReadOnlyDictionary<string, double> ScoreAll(ElementProps target, IReadOnlyList<RelocationCandidate> candidates, RelocationModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(candidates);

        return ScoreAll(target, new RelocationPage(candidates), model);
    }

    /// <summary>Every candidate's similarity to the target, by candidate id (for diagnosis and reports).</summary>
    public static IReadOnlyDictionary<string, double> ScoreAll(ElementProps target, RelocationPage page, RelocationModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(page);

        model ??= RelocationModel.BuiltIn;
        var features = new TargetFeatures(target);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in page.Candidates)
        {
            scores[c.Id] = features.Score(c, page, model).Score;
        }

        return scores;
    }

    /// <summary>
    /// The decision on scored candidates: the ranking (hidden ones lowered by <see cref="HiddenPenalty"/>; stable,
    /// so equal scores keep the candidates' order and an exact tie abstains), the threshold on the raw score,
    /// the hidden rule, the name the winner must keep (<see cref="IdentityFloor"/>), and whether the winner is clear
    /// of the runner-up: by the model's calibrated risk, or by the absolute and relative margins for an
    /// uncalibrated one.
    /// </summary>
    internal static RelocationResult Decide(IReadOnlyList<ScoredCandidate> scored, RelocationModel? model = null)
    {
        model ??= RelocationModel.BuiltIn;
        bool Clear(ScoredCandidate best, double runnerUp) =>
            model.Confidence(best.Score, runnerUp, best.Identity, scored.Count) is { } p
                ? 1 - p <= model.MaxRisk
                : ClearWinner(best.Score, runnerUp);

        var ranked = scored.OrderByDescending(Ranking).ToArray();
        var top = ranked.Take(TopCount).ToArray();

        if (!ranked.Any(s => s.Score >= Threshold))
        {
            return new RelocationResult(RelocationOutcome.ElementGone, null, top);
        }

        if (!ranked.Any(s => !s.Hidden && s.Score >= Threshold))
        {
            // Only hidden elements resemble the target: rank them by what they are, and name the one only if it is
            // clearly the one; the caller sees the outcome and decides whether a hidden element is worth healing to.
            var byScore = ranked.OrderByDescending(s => s.Score).ToArray();
            if (!KeepsItsName(byScore[0]))
            {
                return new RelocationResult(RelocationOutcome.ElementGone, null, top);
            }

            return Clear(byScore[0], byScore.Length > 1 ? byScore[1].Score : 0)
                ? new RelocationResult(RelocationOutcome.FoundHidden, byScore[0].Id, top)
                : new RelocationResult(RelocationOutcome.Ambiguous, null, top);
        }

        var best = ranked[0];
        if (best.Hidden)
        {
            // A hidden element outscores a plausible visible one by more than the penalty: either may be meant.
            return new RelocationResult(RelocationOutcome.Ambiguous, null, top);
        }

        if (!KeepsItsName(best))
        {
            // What resembles the target is its place, not the element: the element is gone.
            return new RelocationResult(RelocationOutcome.ElementGone, null, top);
        }

        // The runner-up is any candidate, also one that could not be chosen itself: a look-alike in the target's
        // old place still makes the choice unsafe (on the relocation datasets the element that kept the place
        // but not the text is the answer about as often as the one that kept the text elsewhere).
        var runnerUp = ranked.Length > 1 ? Ranking(ranked[1]) : 0;
        return Clear(best, runnerUp)
            ? new RelocationResult(RelocationOutcome.Found, best.Id, top)
            : new RelocationResult(RelocationOutcome.Ambiguous, null, top);
    }

    private static bool KeepsItsName(ScoredCandidate s) => s.Identity is not { } identity || identity > IdentityFloor;

    private static double Ranking(ScoredCandidate s) => s.Hidden ? s.Score - HiddenPenalty : s.Score;

    // Scores are sums of weighted fractions; a gap of exactly the margin must not fail by a rounding error.
    private const double Rounding = 1e-9;

    /// <summary>Whether <paramref name="best"/> beats <paramref name="runnerUp"/> by both margins.</summary>
    internal static bool ClearWinner(double best, double runnerUp) =>
        best - runnerUp >= Margin - Rounding && 1 - runnerUp >= (RelativeMargin * (1 - best)) - Rounding;
}
