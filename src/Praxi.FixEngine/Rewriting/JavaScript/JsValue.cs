namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>The result of following an expression to what it is.</summary>
internal sealed record JsValue
{
    public required JsValueKind Kind { get; init; }

    /// <summary>The literal (Literal); more sites when equal literals at several call sites feed one parameter.</summary>
    public LiteralSite? Site { get; init; }

    public IReadOnlyList<LiteralSite> MoreSites { get; init; } = [];

    /// <summary>The locator steps, outermost receiver first (Locator).</summary>
    public IReadOnlyList<LocatorStep> Steps { get; init; } = [];

    /// <summary>The object literal's <c>{</c> (Object) or the class body's <c>{</c> (Instance), in <see cref="Document"/>.</summary>
    public int Open { get; init; } = -1;

    public JsDocument? Document { get; init; }

    /// <summary>Why a person must look (Manual), or what the opaque value is.</summary>
    public string? Reason { get; init; }

    /// <summary>The innermost declaration followed to get here.</summary>
    public SymbolRef? Symbol { get; init; }

    public static JsValue Literal(LiteralSite site, SymbolRef? symbol = null) => new() { Kind = JsValueKind.Literal, Site = site, Symbol = symbol };

    public static JsValue Manual(string reason) => new() { Kind = JsValueKind.Manual, Reason = reason };

    public static JsValue Opaque(string what) => new() { Kind = JsValueKind.Opaque, Reason = what };

    public JsValue Via(SymbolRef symbol) => Symbol is null ? this with { Symbol = symbol } : this;
}
