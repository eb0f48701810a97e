namespace Praxi.FixEngine.Contracts;

/// <summary>What became of one broken locator (<c>status</c> in heal.json).</summary>
public enum HealStatus
{
    /// <summary><c>healed</c>: a verified, unique locator for the intended element was written.</summary>
    Healed,

    /// <summary><c>element_gone</c>: no element of the page is close enough to the one the locator meant (abstained).</summary>
    ElementGone,

    /// <summary><c>ambiguous</c>: several elements are as close (abstained).</summary>
    Ambiguous,

    /// <summary><c>still_matches</c>: the locator matches one element in the failure-time page: not a selector problem.</summary>
    StillMatches,

    /// <summary><c>no_evidence</c>: no trace snapshot or DOM dump of the failure was found.</summary>
    NoEvidence,

    /// <summary><c>unsupported</c>: the locator's form cannot be healed offline (a frame, an unknown engine).</summary>
    Unsupported,

    /// <summary><c>no_locator</c>: the element was found but no locator expresses it uniquely.</summary>
    NoLocator,
}
