namespace Praxi.FixEngine.Contracts;

/// <summary><c>self-heal/context.json</c>: everything <c>decide</c> needs, gathered by <c>prepare</c>.</summary>
internal sealed record SelfHealContext
{
    /// <summary>Where the analysis came from: <c>analysis.json</c>.</summary>
    public const string FromAnalysis = "analysis";

    /// <summary>Where the analysis came from: praxi analysed the raw artifacts.</summary>
    public const string FromArtifacts = "artifacts";

    /// <summary>No usable analysis: the decision is conservative.</summary>
    public const string FromNothing = "none";

    /// <summary>The contract version.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The CI run.</summary>
    public required string RunId { get; init; }

    /// <summary>When prepare ran (UTC, ISO 8601).</summary>
    public required DateTimeOffset PreparedAt { get; init; }

    /// <summary>The repository root (absolute).</summary>
    public required string Repository { get; init; }

    /// <summary>Where the analysis came from and why it is missing.</summary>
    public required SourceInfo Analysis { get; init; }

    /// <summary>The classification, null without a usable analysis.</summary>
    public ClassificationInfo? Classification { get; init; }

    /// <summary>The earlier attempts of this run.</summary>
    public IReadOnlyList<SelfHealAttempt> Attempts { get; init; } = [];

    /// <summary>The actions praxi.json configures.</summary>
    public IReadOnlyList<ActionInfo> Actions { get; init; } = [];

    /// <summary>The configured test runners.</summary>
    public IReadOnlyList<RunnerInfo> Runners { get; init; } = [];

    /// <summary>Where the analysis came from.</summary>
    /// <param name="Source"><c>analysis</c>, <c>artifacts</c> or <c>none</c>.</param>
    /// <param name="Path">The file or folder read, when one was given.</param>
    /// <param name="Problem">Why no analysis is usable (source <c>none</c>) or what was skipped.</param>
    internal sealed record SourceInfo(string Source, string? Path, string? Problem);

    /// <summary>The run's classification.</summary>
    /// <param name="ErrorType">The dominant type.</param>
    /// <param name="Confidence">Its confidence.</param>
    /// <param name="Failures">Each failed test with its own type.</param>
    internal sealed record ClassificationInfo(ErrorType ErrorType, double Confidence, IReadOnlyList<FailureInfo> Failures);

    /// <summary>One failed test.</summary>
    /// <param name="Test">Its name.</param>
    /// <param name="ErrorType">Its type.</param>
    /// <param name="Confidence">Its confidence.</param>
    /// <param name="Message">The failure's first line.</param>
    /// <param name="File">File of the failing call.</param>
    /// <param name="Line">Line of the failing call.</param>
    /// <param name="Framework">The runner that reported it.</param>
    /// <param name="TestFile">The file declaring the test.</param>
    /// <param name="TestLine">The line of its declaration.</param>
    /// <param name="Language">Its language, as the analysis names it.</param>
    /// <param name="Runner">Its test runner, as the analysis names it.</param>
    internal sealed record FailureInfo(
        string Test, ErrorType ErrorType, double Confidence, string? Message, string? File, int? Line, string? Framework, string? TestFile, int? TestLine,
        string? Language = null, string? Runner = null);

    /// <summary>A configured action, without its environment values.</summary>
    /// <param name="Name">The action.</param>
    /// <param name="Command">Its argument list.</param>
    /// <param name="Cwd">Where it runs, relative to the repository.</param>
    /// <param name="TimeoutS">Its time limit in seconds.</param>
    /// <param name="Env">Names of the variables it sets (values are not written).</param>
    internal sealed record ActionInfo(string Name, IReadOnlyList<string> Command, string Cwd, int TimeoutS, IReadOnlyList<string> Env);

    /// <summary>A configured test runner.</summary>
    /// <param name="Name">The runner.</param>
    /// <param name="Command">The subset command with placeholders.</param>
    /// <param name="FullCommand">The full-suite command.</param>
    /// <param name="Cwd">Where it runs.</param>
    /// <param name="Results">Result files it writes.</param>
    internal sealed record RunnerInfo(string Name, IReadOnlyList<string> Command, IReadOnlyList<string>? FullCommand, string Cwd, IReadOnlyList<string> Results);
}
