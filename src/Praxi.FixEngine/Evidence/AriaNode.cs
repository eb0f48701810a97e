namespace Praxi.FixEngine.Evidence;

/// <summary>
/// One entry of an ARIA snapshot (docs/evidence.md#aria-snapshots): <c>- button "Sign in" [ref=e5]</c>.
/// A <c>- text: …</c> run is a node with role <c>text</c> and its <see cref="Text"/>.
/// </summary>
/// <param name="Role">The ARIA role (<c>generic</c> when none, <c>text</c> for a text run, <c>iframe</c>).</param>
/// <param name="Name">The accessible name, when non-empty (a <c>/regex/</c> in templates stays as written).</param>
/// <param name="Flags">The bracketed flags except <c>ref</c>: <c>level</c> → <c>1</c>, <c>checked</c> → <c>true</c> or <c>mixed</c>, <c>cursor</c> → <c>pointer</c>.</param>
/// <param name="Ref">The <c>[ref=…]</c> id, valid only in the live page it came from.</param>
/// <param name="Text">The inline text content or value after the colon.</param>
/// <param name="Props">The <c>- /name: value</c> properties (<c>url</c>, <c>placeholder</c>).</param>
/// <param name="Children">Nested entries, text runs included, in order.</param>
internal sealed record AriaNode(
    string Role,
    string? Name,
    IReadOnlyDictionary<string, string> Flags,
    string? Ref,
    string? Text,
    IReadOnlyDictionary<string, string> Props,
    IReadOnlyList<AriaNode> Children)
{
    /// <summary>The link target from <c>- /url:</c>.</summary>
    public string? Url => Props.GetValueOrDefault("url");

    /// <summary>The heading level from <c>[level=N]</c>.</summary>
    public int? Level => Flags.TryGetValue("level", out var level) && int.TryParse(level, out var n) ? n : null;

    /// <summary><c>true</c>, <c>mixed</c>, or null when not checked.</summary>
    public string? Checked => Flags.GetValueOrDefault("checked");

    /// <summary>Whether <c>[disabled]</c> was present.</summary>
    public bool Disabled => Flags.ContainsKey("disabled");

    /// <summary>This node and all its descendants, in document order.</summary>
    public IEnumerable<AriaNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var node in Children.SelectMany(c => c.DescendantsAndSelf()))
        {
            yield return node;
        }
    }
}
