namespace Praxi.FixEngine.Healing.Dom;

/// <summary>How a text matcher compares: it decides whether an element matching with a matching child still counts.</summary>
internal enum TextMatchKind
{
    /// <summary>Normalised, case-insensitive substring.</summary>
    Lax,

    /// <summary>Whole normalised text, case-sensitive.</summary>
    Strict,

    /// <summary>A regular expression on the raw text.</summary>
    Regex,
}
