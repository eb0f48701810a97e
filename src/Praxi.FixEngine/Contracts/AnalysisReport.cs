using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>The result of analysing a failed run: <c>analysis.json</c> and the DeveloperAgent's answer body.</summary>
public sealed record AnalysisReport
{
    /// <summary>The contract version. <value>The current version is 1.</value></summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The CI run this analysis belongs to.</summary>
    public required string RunId { get; init; }

    /// <summary>What broke: the dominant type and every failed test.</summary>
    public required RunClassification Classification { get; init; }

    /// <summary>Which safe non-code actions may fix the run.</summary>
    public required SelfHealPlan SelfHealPlan { get; init; }

    /// <summary>Facts the fix agent needs to change test code.</summary>
    public required IReadOnlyList<FixInstruction> FixAgentInstructions { get; init; }

    /// <summary>Which pipelines the result should start.</summary>
    public required Triggers Triggers { get; init; }

    /// <summary>The artifacts that were read, with their detected formats.</summary>
    public IReadOnlyList<ArtifactSummary> Sources { get; init; } = [];
}

/// <summary>The run's classification: the dominant type with the per-test list beside it.</summary>
public sealed record RunClassification
{
    /// <summary>The dominant error type of the run.</summary>
    public required ErrorType ErrorType { get; init; }

    /// <summary>Confidence in [0, 1] of the dominant type.</summary>
    public required double Confidence { get; init; }

    /// <summary>The log lines that support the dominant type, most telling first.</summary>
    public required IReadOnlyList<EvidenceLine> Evidence { get; init; }

    /// <summary>Every failed test with its own type.</summary>
    public required IReadOnlyList<FailureReport> Failures { get; init; }

    /// <summary>The type that comes next (with <c>unknown</c>, the best guess that was not sure enough to give).</summary>
    public ErrorType? SecondaryType { get; init; }

    /// <summary>Who gave the verdict: <c>model</c> (the learned judge), <c>rules</c> (the built-in rules alone) or <c>user</c> (a praxi.json rule or a custom classifier).</summary>
    public string? DecidedBy { get; init; }
}

/// <summary>One failed test, classified.</summary>
public sealed record FailureReport
{
    /// <summary>The test's title or id.</summary>
    public required string Test { get; init; }

    /// <summary>Test source file of the failing call, as the runner printed it.</summary>
    public string? File { get; init; }

    /// <summary>1-based line of the failing call.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column of the failing call.</summary>
    public int? Column { get; init; }

    /// <summary>The file that declares the test, as the runner names it, when the report says (Playwright).</summary>
    public string? TestFile { get; init; }

    /// <summary>1-based line of the test's declaration in <see cref="TestFile"/>: what <c>npx playwright test file:line</c> selects.</summary>
    public int? TestLine { get; init; }

    /// <summary>The failure's type.</summary>
    public required ErrorType ErrorType { get; init; }

    /// <summary>Confidence in [0, 1].</summary>
    public required double Confidence { get; init; }

    /// <summary>The failing action (<c>locator.click</c>, <c>FillAsync</c>, <c>toBeVisible</c>).</summary>
    public string? Action { get; init; }

    /// <summary>The selector the failing call used, as a plain selector (<c>#login-btn</c>) when it is one.</summary>
    public string? Selector { get; init; }

    /// <summary>The locator expression as written in the error (<c>getByRole('button', { name: 'Save' })</c>).</summary>
    public string? Locator { get; init; }

    /// <summary>The timeout the failing call ran with, in milliseconds.</summary>
    public int? TimeoutMs { get; init; }

    /// <summary>The error message (first line).</summary>
    public required string Message { get; init; }

    /// <summary>The framework that reported the failure (<c>playwright</c>, <c>selenium</c>, <c>pytest</c>…).</summary>
    public string? Framework { get; init; }

    /// <summary>The test's language (<c>typescript</c>, <c>csharp</c>, <c>python</c>…; <c>dotnet</c> when only the runner says .NET).</summary>
    public string? Language { get; init; }

    /// <summary>The test runner (<c>playwright-test</c>, <c>xunit</c>, <c>nunit</c>, <c>mstest</c>, <c>dotnet-test</c>, <c>pytest</c>…): what <c>praxi.json</c> <c>tests[]</c> selects by.</summary>
    public string? Runner { get; init; }

    /// <summary>The type that would come next, when the evidence also points elsewhere.</summary>
    public ErrorType? SecondaryType { get; init; }

    /// <summary>The lines that decided the type.</summary>
    public IReadOnlyList<EvidenceLine> Evidence { get; init; } = [];

    /// <summary>Backend or server log lines that belong to this failure (same time window or request path).</summary>
    public IReadOnlyList<EvidenceLine> RelatedLogLines { get; init; } = [];

    /// <summary>The artifacts the runner attached to the failure (trace.zip, error-context.md, DOM dumps, screenshots), as the report printed them.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
}

/// <summary>The self-heal plan derived from the classification.</summary>
public sealed record SelfHealPlan
{
    /// <summary>True when a non-code action may fix the run.</summary>
    public required bool Eligible { get; init; }

    /// <summary>Why (or why not).</summary>
    public required string Reason { get; init; }

    /// <summary>The actions in order (<c>reseed</c>, <c>regenerate_storage_state</c>, <c>restart</c>, <c>reset_environment</c>, <c>rerun</c>).</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>How many attempts the plan allows. <value>The default is 2.</value></summary>
    public int MaxAttempts { get; init; } = 2;
}

/// <summary>One instruction for the fix agent.</summary>
public sealed record FixInstruction
{
    /// <summary>What the instruction asks to change.</summary>
    [JsonConverter(typeof(FixKindJsonConverter))]
    public required FixKind Kind { get; init; }

    /// <summary>The failed test the instruction comes from.</summary>
    public string? Test { get; init; }

    /// <summary>Test source file of the failing call.</summary>
    public required string File { get; init; }

    /// <summary>1-based line of the failing call.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column of the failing call.</summary>
    public int? Column { get; init; }

    /// <summary>The locator as it is now (selector instructions).</summary>
    public LocatorSpec? Old { get; init; }

    /// <summary>The locator it must become; null until a healer found it.</summary>
    public LocatorSpec? New { get; init; }

    /// <summary>The timeout as it is now (timeout instructions).</summary>
    public int? OldMs { get; init; }

    /// <summary>The timeout it should become (timeout instructions).</summary>
    public int? NewMs { get; init; }

    /// <summary>Confidence in [0, 1] that the instruction is right.</summary>
    public required double Confidence { get; init; }

    /// <summary>What supports the instruction.</summary>
    public required string Evidence { get; init; }
}

/// <summary>Which pipelines the analysis should start.</summary>
/// <param name="SelfHeal">Start self-heal.</param>
/// <param name="FixAgent">Start the fix agent.</param>
/// <param name="HumanReview">A person must look.</param>
public sealed record Triggers(bool SelfHeal, bool FixAgent, bool HumanReview);

/// <summary>One artifact that was read.</summary>
/// <param name="Name">Path relative to the analysed path.</param>
/// <param name="Format">Detected format.</param>
/// <param name="Failures">Failed tests it reported.</param>
/// <param name="Signals">Error blocks outside test reports.</param>
public sealed record ArtifactSummary(string Name, LogFormat Format, int Failures, int Signals);
