using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary><c>heal.json</c>: what the healer decided for each selector instruction of an analysis.</summary>
public sealed record HealReport
{
    /// <summary>The contract version. <value>The current version is 1.</value></summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The CI run.</summary>
    public required string RunId { get; init; }

    /// <summary>One outcome per selector instruction (<c>replace_selector</c>, <c>narrow_selector</c>), in the analysis's order.</summary>
    public required IReadOnlyList<HealOutcome> Outcomes { get; init; }

    /// <summary>The analysis's instructions with <c>new</c> filled in where the healer found the element; the others unchanged.</summary>
    public required IReadOnlyList<FixInstruction> Instructions { get; init; }
}

/// <summary>The healer's answer for one instruction.</summary>
public sealed record HealOutcome
{
    /// <summary>The instruction's index in <c>fix_agent_instructions</c>.</summary>
    public required int Instruction { get; init; }

    /// <summary><see cref="FixKind.ReplaceSelector"/> or <see cref="FixKind.NarrowSelector"/>.</summary>
    [JsonConverter(typeof(FixKindJsonConverter))]
    public required FixKind Kind { get; init; }

    /// <summary>The failed test whose evidence was used.</summary>
    public string? Test { get; init; }

    /// <summary>The locator that failed.</summary>
    public required LocatorSpec Old { get; init; }

    /// <summary>Healed; or why not (<see cref="HealStatus"/>).</summary>
    [JsonConverter(typeof(HealStatusJsonConverter))]
    public required HealStatus Status { get; init; }

    /// <summary>The new locator, when healed.</summary>
    public LocatorSpec? New { get; init; }

    /// <summary>
    /// The failed locator as the test's code writes it (<c>getByRole('link', { name: /sign in/i })</c> in a script,
    /// <c>GetByRole(AriaRole.Link, new() { NameRegex = … })</c> in C#); absent when the test's language has no rewriter
    /// or the locator has no call form. <see cref="Old"/> stays the engine's form.
    /// </summary>
    public string? OldCode { get; init; }

    /// <summary>The new locator as the test's code would write it, in the author's style (a regex name stays a regex); see <see cref="OldCode"/>.</summary>
    public string? NewCode { get; init; }

    /// <summary>The strategy of the new locator (<c>test_id</c>, <c>role</c>, <c>id</c>, <c>css</c>, <c>scope</c>, <c>nth</c>…).</summary>
    public string? Strategy { get; init; }

    /// <summary>The new locator depends on position or order (<c>nth</c>) and may break again.</summary>
    public bool Fragile { get; init; }

    /// <summary>How sure the healer is, 0–1 (0 when it abstained).</summary>
    public required double Confidence { get; init; }

    /// <summary>One sentence a reviewer can check.</summary>
    public required string Reason { get; init; }

    /// <summary>Where the target came from and which DOM it was found in.</summary>
    public HealEvidence? Evidence { get; init; }

    /// <summary>The best candidates, highest score first (the chosen one first when healed; its runner-up second).</summary>
    public IReadOnlyList<HealCandidate> Candidates { get; init; } = [];
}

/// <summary>The evidence behind an outcome.</summary>
public sealed record HealEvidence
{
    /// <summary>The file the failure-time page was read from (a trace, a DOM dump, or an <c>error-context.md</c>), relative to the artifacts.</summary>
    public required string Source { get; init; }

    /// <summary>Which DOM: <c>trace &lt;callId&gt; after</c>, <c>dom dump</c>, <c>aria snapshot</c>.</summary>
    public required string Snapshot { get; init; }

    /// <summary>Where the target's fingerprint came from: <c>baseline</c>, <c>trace</c> (an earlier passing call), <c>locator</c> (inferred from the locator alone), <c>matches</c> (the elements a strict-mode locator matched).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The properties of the chosen element that matched the fingerprint (<c>text</c>, <c>test_id</c>, <c>role+name</c>…).</summary>
    public IReadOnlyList<string> Matched { get; init; } = [];

    /// <summary>The other locators that were verified unique, in the order tried.</summary>
    public IReadOnlyList<LocatorSpec> Alternatives { get; init; } = [];
}

/// <summary>A candidate element with its similarity to the target.</summary>
/// <param name="Element">A short description: <c>&lt;button id="add-to-basket" data-testid="add-to-cart"&gt;Add to cart</c>.</param>
/// <param name="Score">Similarity 0–1.</param>
/// <param name="Path">Its XPath in the failure-time DOM; from an ARIA snapshot, its path of roles there (<c>/main[1]/button[2]</c>).</param>
public sealed record HealCandidate(string Element, double Score, string? Path);
