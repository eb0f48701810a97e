namespace Praxi.FixEngine.Logs;

/// <summary>
/// One failed test (or, for output with no test structure, one failure block) as a parser read it:
/// the facts the runner printed, before any classification.
/// </summary>
internal sealed record TestFailure
{
    /// <summary>Test title or id (<c>login.spec.ts › signs in</c>, <c>Ns.Class.Method</c>); for a run-level block, a short label.</summary>
    public required string Test { get; init; }

    /// <summary>The artifact the failure was read from, relative to the analysed path.</summary>
    public required string Source { get; init; }

    /// <summary>1-based line in <see cref="Source"/> where the failure's message starts (0 when the format has no lines).</summary>
    public int SourceLine { get; init; }

    /// <summary>The error message, ANSI removed (first lines, capped).</summary>
    public required string Message { get; init; }

    /// <summary>
    /// True when the runner recorded that the test failed but no error text: <see cref="Message"/> then says so in
    /// praxi's words, which are no evidence of a cause.
    /// </summary>
    public bool NoErrorText { get; init; }

    /// <summary>The failure's text as the runner printed it: message, call log, stack (lines capped).</summary>
    public IReadOnlyList<LogLine> Block { get; init; } = [];

    /// <summary>Test source file of the failing call: the first stack frame in a test or page-object file.</summary>
    public string? File { get; init; }

    /// <summary>1-based line of the failing call.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column of the failing call.</summary>
    public int? Column { get; init; }

    /// <summary>The file that declares the test, as the runner names it (Playwright: relative to the config's folder), when it says.</summary>
    public string? TestFile { get; init; }

    /// <summary>1-based line of the test's declaration in <see cref="TestFile"/> (what <c>npx playwright test file:line</c> selects).</summary>
    public int? TestLine { get; init; }

    /// <summary>The failing action as the runner names it (<c>locator.click</c>, <c>FillAsync</c>, <c>toBeVisible</c>).</summary>
    public string? Action { get; init; }

    /// <summary>The locator expression as written in the error (<c>locator('#x')</c>, <c>getByRole('button', { name: 'Save' })</c>).</summary>
    public string? Selector { get; init; }

    /// <summary>The timeout the failing call or test ran with, in milliseconds.</summary>
    public int? TimeoutMs { get; init; }

    /// <summary>The runner or framework that produced the failure (<c>playwright</c>, <c>pytest</c>, <c>dotnet</c>…).</summary>
    public string? Framework { get; init; }

    /// <summary>The test runner, when the report's format says it (<see cref="TestStack.Runners"/>: <c>xunit</c> from a TRX, <c>playwright-test</c>…).</summary>
    public string? Runner { get; init; }

    /// <summary>When the test (or the failing attempt) started, if the output says.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>How long it ran, if the output says.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Artifacts the runner attached (trace.zip, error-context.md, screenshots), as printed or relative to the analysed path.</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
}
