namespace Praxi.FixEngine.Healing;

/// <summary>The properties the relocator compares, one similarity (0–1) each; the order is the weights file's.</summary>
internal enum RelocationProperty
{
    Tag,
    TestId,
    Id,
    Name,
    Role,
    Type,
    Text,
    AccessibleName,
    Around,
    Classes,
    Href,
    XPath,
    IdXPath,
    Position,
    Area,
    Shape,
    IsButton,
}

/// <summary>Names and kinds of <see cref="RelocationProperty"/>.</summary>
internal static class RelocationProperties
{
    /// <summary>How many properties there are.</summary>
    public const int Count = 17;

    /// <summary>The name a weights file uses.</summary>
    public static string Key(RelocationProperty property) => property switch
    {
        RelocationProperty.TestId => "test_id",
        RelocationProperty.AccessibleName => "accessible_name",
        RelocationProperty.Around => "neighbor_text",
        RelocationProperty.Classes => "class",
        RelocationProperty.IdXPath => "idxpath",
        RelocationProperty.XPath => "xpath",
        RelocationProperty.IsButton => "is_button",
        _ => property.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether the property names the element (what must survive for a candidate to be the target).</summary>
    public static bool Names(RelocationProperty property) => property is RelocationProperty.TestId or RelocationProperty.Id
        or RelocationProperty.Name or RelocationProperty.Text or RelocationProperty.AccessibleName or RelocationProperty.Href;
}
