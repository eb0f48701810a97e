using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Running;

/// <summary>A failed test to run again, as <c>analysis.json</c> names it.</summary>
/// <param name="Test">The test's name (<c>[project] › file › title</c>, <c>Namespace.Class.Method</c>).</param>
/// <param name="File">File of the failing call, when known.</param>
/// <param name="Line">Line of the failing call.</param>
/// <param name="Framework">The runner that reported it (<c>playwright</c>, <c>selenium</c>, <c>dotnet</c>, <c>pytest</c>…).</param>
/// <param name="TestFile">The file declaring the test, when the report says.</param>
/// <param name="TestLine">The line of the test's declaration.</param>
/// <param name="Language">The test's language as the analysis names it (null: derived from the file and framework).</param>
/// <param name="Runner">The test runner as the analysis names it (null: derived from the framework and language).</param>
/// <param name="Message">The failure's message, when known (to recognise the same failure again).</param>
/// <param name="Action">The failing action (<c>locator.click</c>), when known.</param>
/// <param name="Selector">The failing call's locator as the error wrote it, when known.</param>
internal sealed record TestTarget(
    string Test, string? File, int? Line, string? Framework, string? TestFile, int? TestLine,
    string? Language = null, string? Runner = null, string? Message = null, string? Action = null, string? Selector = null)
{
    /// <summary>Run-level labels the parsers give to failures that are not a test (they cannot be rerun by name).</summary>
    private static readonly string[] RunLevel = ["(global)", "(run)", "(setup)"];

    /// <summary>Title without the <c>[project] › </c> prefix a multi-project Playwright report puts first.</summary>
    public string Title => TestNames.WithoutProject(Test);

    /// <summary>True for a real test, false for a run-level failure such as Playwright's <c>(global)</c> error.</summary>
    public bool IsTest => !RunLevel.Contains(Test, StringComparer.Ordinal) && !(Test.StartsWith('(') && Test.EndsWith(')'));

    /// <summary>The language: as the analysis said, else from the test file's extension, the runner or the framework.</summary>
    public string? StackLanguage => Stack.Language;

    /// <summary>The test runner: as the analysis said, else what the framework and language imply (an older analysis.json has none).</summary>
    public string? StackRunner => Stack.Runner;

    /// <summary>Every name of this test's stack that a <c>praxi.json</c> runner may select it by.</summary>
    public IReadOnlySet<string> StackNames
    {
        get
        {
            var (language, runner) = Stack;
            return TestStack.NamesOf(Framework, language, runner);
        }
    }

    /// <summary>The language and runner, derived as the analysis derives them (<see cref="TestStack.Of"/>).</summary>
    private (string? Language, string? Runner) Stack => TestStack.Of(TestFile ?? File, Language, Runner, Framework, Test);

    /// <summary>The failed tests of an analysis, each once, in its order.</summary>
    /// <param name="report">The analysis.</param>
    /// <returns>The targets.</returns>
    public static IReadOnlyList<TestTarget> From(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Classification.Failures
            .Select(f => new TestTarget(f.Test, f.File, f.Line, f.Framework, f.TestFile, f.TestLine, f.Language, f.Runner, f.Message, f.Action, f.Selector))
            .DistinctBy(t => t.Test, StringComparer.Ordinal)];
    }
}
