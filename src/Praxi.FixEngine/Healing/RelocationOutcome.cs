namespace Praxi.FixEngine.Healing;

/// <summary>Why the relocator answered or abstained.</summary>
public enum RelocationOutcome
{
    /// <summary>One visible candidate cleared the threshold and beat the runner-up by the margins.</summary>
    Found,

    /// <summary>No candidate is similar enough: the element is probably gone.</summary>
    ElementGone,

    /// <summary>Two or more candidates are about as similar (or a hidden one beats a plausible visible one): guessing would risk a wrong heal.</summary>
    Ambiguous,

    /// <summary>
    /// The only plausible candidates are hidden, and one of them is clearly the target: it is returned, and the
    /// caller decides whether healing to an element the user cannot see (a collapsed menu's item) is right.
    /// </summary>
    FoundHidden,
}
