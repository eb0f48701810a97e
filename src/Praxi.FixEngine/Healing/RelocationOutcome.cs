namespace Praxi.FixEngine.Healing;

/// <summary>Why the relocator answered or abstained.</summary>
internal enum RelocationOutcome
{
    /// <summary>One candidate cleared the threshold and beat the runner-up by the margin.</summary>
    Found,

    /// <summary>No candidate is similar enough: the element is probably gone.</summary>
    ElementGone,

    /// <summary>Two or more candidates are about as similar: guessing would risk a wrong heal.</summary>
    Ambiguous,
}
