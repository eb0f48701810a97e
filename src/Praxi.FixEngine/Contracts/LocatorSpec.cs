using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>A language-neutral locator; the rewriter renders it in the author's form.</summary>
public sealed record LocatorSpec
{
    /// <summary>How the locator finds its element (serialised as <c>css</c>, <c>selector</c>, <c>xpath</c>, <c>id</c>,
    /// <c>name</c>, <c>class</c>, <c>link_text</c>, <c>test_id</c>, <c>text</c>, <c>label</c>, <c>placeholder</c>,
    /// <c>title</c>, <c>alt_text</c> or <c>role</c>).</summary>
    [JsonConverter(typeof(LocatorKindJsonConverter))]
    public required LocatorKind By { get; init; }

    /// <summary>The selector or text value (absent for <c>role</c>).</summary>
    public string? Value { get; init; }

    /// <summary>The ARIA role, for <c>by = role</c>.</summary>
    public string? Role { get; init; }

    /// <summary>The accessible name, for <c>by = role</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Exact (case-sensitive, whole-string) matching.</summary>
    public bool? Exact { get; init; }
}
