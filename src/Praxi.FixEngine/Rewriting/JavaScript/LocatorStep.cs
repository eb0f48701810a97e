using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// One locator call of a chain, with its arguments resolved and the selector parts it contributes
/// (<c>internal:role=button[name="Save"i]</c>, <c>nth=0</c>) — the same parts Playwright prints and the analysis reports.
/// </summary>
internal sealed record LocatorStep
{
    public required JsDocument Document { get; init; }

    public required ChainLink Link { get; init; }

    public required string Method { get; init; }

    public required LocatorStepKind Kind { get; init; }

    /// <summary>The locator kind a <see cref="LocatorStepKind.GetBy"/> step makes (<c>getByTestId</c> → <c>test_id</c>); null for the others.</summary>
    public LocatorKind? By { get; init; }

    /// <summary>The first argument, resolved (string forms, getBy* text, role).</summary>
    public JsValue? Argument { get; init; }

    /// <summary>Token range of the first argument in <see cref="Document"/>; (-1, -1) when there is none.</summary>
    public (int First, int Last) ArgumentRange { get; init; } = (-1, -1);

    /// <summary>The options object's <c>{</c> (second argument, or the first of <c>filter</c>), or -1.</summary>
    public int Options { get; init; } = -1;

    /// <summary>The role's <c>name</c> option (or a filter's <c>hasText</c>), resolved.</summary>
    public JsValue? NameOption { get; init; }

    /// <summary>The selector parts this call adds; empty with <see cref="Problem"/> when they cannot be known.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>Why the parts are unknown (an interpolated template, a computed value).</summary>
    public string? Problem { get; init; }

    /// <summary>The declaration this step was reached through (a class field, a const holding a locator), or null inline.</summary>
    public SymbolRef? Definition { get; init; }

    public int Start => Document[Link.Name].Start;

    public int End => Document[Link.End].End;
}
