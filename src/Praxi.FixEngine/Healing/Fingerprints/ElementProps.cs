using System.Text.Json;

namespace Praxi.FixEngine.Healing.Fingerprints;

/// <summary>
/// What is known about one element of a page: as a relocation dataset (<c>praxi-relocation/1</c>) records it, as a
/// live DOM gives it (the accessibility fields, test id, visibility), or as far as a locator alone tells (then most
/// fields, the paths included, are unknown). A property is <see langword="null"/> when it was not recorded; strings
/// keep their original case.
/// </summary>
internal sealed record ElementProps
{
    public required string Tag { get; init; }

    public string? Id { get; init; }

    public string? Class { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public string? Title { get; init; }

    public string? Alt { get; init; }

    public string? Href { get; init; }

    public string? Text { get; init; }

    public string? VisibleText { get; init; }

    public string? NeighborText { get; init; }

    public string? NeighborTextAbove { get; init; }

    public string? NeighborTextBelow { get; init; }

    public string? NeighborTextLeft { get; init; }

    public string? NeighborTextRight { get; init; }

    /// <summary>The absolute path (<c>/html[1]/body[1]/div[2]</c>); null when unknown (a fingerprint inferred from a locator).</summary>
    public string? XPath { get; init; }

    /// <summary>The path from the nearest ancestor with an id (<c>//*[@id='x']/div[1]</c>); null when unknown.</summary>
    public string? IdXPath { get; init; }

    /// <summary>The ARIA role, explicit or implicit (<c>button</c>, <c>link</c>, <c>textbox</c>); from a DOM or a role locator.</summary>
    public string? Role { get; init; }

    /// <summary>The accessible name, computed as Playwright does (docs/locators.md#roles-and-accessible-names).</summary>
    public string? AccessibleName { get; init; }

    /// <summary>The value of the project's test-id attribute (<c>data-testid</c> unless configured).</summary>
    public string? TestId { get; init; }

    /// <summary>The <c>aria-label</c> attribute.</summary>
    public string? AriaLabel { get; init; }

    /// <summary>The text of the element's associated <c>&lt;label&gt;</c>s (form controls).</summary>
    public string? Label { get; init; }

    /// <summary>Whether the element is hidden (<c>display:none</c>, <c>hidden</c>, <c>aria-hidden</c>, <c>visibility:hidden</c>) as far as attributes and inline styles tell; null when unknown.</summary>
    public bool? Hidden { get; init; }

    public int? X { get; init; }

    public int? Y { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public int? Area { get; init; }

    public int? Shape { get; init; }

    public bool? IsButton { get; init; }

    /// <summary>The text a user sees: <c>visible_text</c>, else <c>text</c>, <c>value</c> or <c>placeholder</c>.</summary>
    public string? SeenText => VisibleText ?? Text ?? Value ?? Placeholder;

    /// <summary>The words around the element: <c>neighbor_text</c>, else the four directional texts together.</summary>
    public string? AroundText
    {
        get
        {
            if (NeighborText is not null)
            {
                return NeighborText;
            }

            var parts = new[] { NeighborTextAbove, NeighborTextBelow, NeighborTextLeft, NeighborTextRight }.Where(p => p is not null);
            var joined = string.Join(' ', parts);
            return joined.Length == 0 ? null : joined;
        }
    }

    /// <summary>Reads the <c>props</c> object of a dataset record; empty strings count as absent.</summary>
    public static ElementProps FromJson(JsonElement props)
    {
        const string Needs = "every record of a praxi-relocation/1 dataset needs tag, xpath and idxpath.";
        var read = TryRead(props) ?? throw new FixEngineException($"An element record has no 'tag': {Needs}");
        return read.XPath is null ? throw new FixEngineException($"An element record has no 'xpath': {Needs}")
            : read.IdXPath is null ? throw new FixEngineException($"An element record has no 'idxpath': {Needs}")
            : read;
    }

    /// <summary>
    /// Reads an element object in the snake_case keys of <c>praxi-relocation/1</c> (which <c>praxi-baseline/1</c>
    /// fingerprints extend); empty strings count as absent. Null when it is not an object or has no <c>tag</c>.
    /// </summary>
    public static ElementProps? TryRead(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? S(string key) => json.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
        int? I(string key) => json.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
        bool? B(string key) => json.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

        if (S("tag") is not { } tag)
        {
            return null;
        }

        return new ElementProps
        {
            Tag = tag,
            Id = S("id"),
            Class = S("class"),
            Name = S("name"),
            Type = S("type"),
            Value = S("value"),
            Placeholder = S("placeholder"),
            Title = S("title"),
            Alt = S("alt"),
            Href = S("href"),
            Text = S("text"),
            VisibleText = S("visible_text"),
            NeighborText = S("neighbor_text"),
            NeighborTextAbove = S("neighbor_text_above"),
            NeighborTextBelow = S("neighbor_text_below"),
            NeighborTextLeft = S("neighbor_text_left"),
            NeighborTextRight = S("neighbor_text_right"),
            XPath = S("xpath"),
            IdXPath = S("idxpath"),
            Role = S("role"),
            AccessibleName = S("accessible_name"),
            TestId = S("test_id"),
            AriaLabel = S("aria_label"),
            Label = S("label"),
            Hidden = B("hidden"),
            X = I("x"),
            Y = I("y"),
            Width = I("width"),
            Height = I("height"),
            Area = I("area"),
            Shape = I("shape"),
            IsButton = B("is_button"),
        };
    }
}
