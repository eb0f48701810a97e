using System.Text.RegularExpressions;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Samples.Tests;

/// <summary>
/// Playwright's own trace reader as the reference for ours: <c>npx playwright trace open</c> + <c>trace actions</c> of the
/// sample suite's @playwright/test (1.65) on traces written by Playwright 1.19 to 1.65 and by .NET library tracing (the
/// recorded fixtures) and by the sample runs. Both must list the same calls on a locator, in the same order, and mark the
/// same one failed. (Its text output is read: this version's <c>trace</c> command has no JSON output.)
/// </summary>
public sealed partial class TraceCliReferenceTests
{
    private static readonly string Cli = Path.Combine(RepositoryRoot.Path, "samples", "e2e-ts", "node_modules", ".bin", "playwright");

    public static TheoryData<string> Traces()
    {
        var recorded = Path.Combine(RepositoryRoot.Path, "tests", "Praxi.FixEngine.Tests", "Fixtures", "trace-formats");
        var sample = Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "renamed-selector", "test-results");
        var data = new TheoryData<string>();
        foreach (var trace in Directory.EnumerateFiles(recorded, "trace.zip", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(sample, "trace.zip", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryRoot.Path, trace));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Traces))]
    public async Task Reader_OnATraceOfEachVersion_ListsTheCallsAndTheFailedCallPlaywrightsTraceCommandLists(string relative)
    {
        File.Exists(Cli).Should().BeTrue("the sample suite's npm packages are installed (eng/install-prereqs.sh)");
        var trace = Path.Combine(RepositoryRoot.Path, relative);
        using var work = TempFolder.Create("trace-cli");

        var open = await ProcessRunner.RunAsync([Cli, "trace", "open", trace], work.Path, TimeSpan.FromMinutes(2));
        open.Succeeded.Should().BeTrue("trace open: {0}", open.OutputTail);
        var actions = await RunAsync(work.Path, Cli, "trace", "actions");
        var theirs = Rows(actions);

        var ours = TraceReader.Read(trace);
        var oursOnLocators = ours.Calls.Where(c => !string.IsNullOrEmpty(c.Selector)).Select(c => Normal(c.Selector!, isSelector: true)).ToList();

        theirs.Should().NotBeEmpty("the trace command lists the calls: {0}", actions);
        oursOnLocators.Should().Equal(theirs.Select(r => r.Locator), "{0}: the same calls on a locator, in order", relative);
        var failed = theirs.Where(r => r.Failed).Select(r => r.Locator).ToList();
        failed.Should().ContainSingle("{0} records one failed call", relative);
        ours.FailingCall.Should().NotBeNull();
        ours.FailingCall!.Error.Should().NotBeNullOrEmpty();
        Normal(ours.FailingCall.Selector!, isSelector: true).Should().Be(failed[0], "{0}: the same failed call", relative);
    }

    /// <summary>Runs the command and returns its whole output (the process runner keeps only a tail).</summary>
    private static async Task<string> RunAsync(string folder, params string[] command)
    {
        var info = new System.Diagnostics.ProcessStartInfo(command[0]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["NO_COLOR"] = "1";
        using var process = System.Diagnostics.Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, "{0}: {1}", string.Join(' ', command.Skip(1)), await errors);
        return await output;
    }

    /// <summary>The rows of <c>trace actions</c> that carry a locator line, with whether the row is marked failed (✗).</summary>
    private static List<(string Locator, bool Failed)> Rows(string output)
    {
        var rows = new List<(string, bool)>();
        bool? pendingFailed = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (Row().IsMatch(line))
            {
                pendingFailed = line.TrimEnd().EndsWith('✗');
                continue;
            }

            var text = line.Trim();
            if (pendingFailed is { } failed && LocatorLine().IsMatch(text) && LocatorExpression.TryParse("page." + text, out _))
            {
                rows.Add((Normal(text, isSelector: false), failed));
            }

            pendingFailed = null;
        }

        return rows;
    }

    /// <summary>A locator as a selector string, whether written as an expression (<c>getByLabel('x')</c>) or as the raw selector.</summary>
    private static string Normal(string text, bool isSelector)
    {
        var parsed = isSelector ? LocatorExpression.TryParseSelector(text, out var spec) : LocatorExpression.TryParse("page." + text, out spec);
        return parsed ? LocatorExpression.ToSelector(spec!) : text;
    }

    [GeneratedRegex(@"^\s+\d+\.\s+\S+\s+\S")]
    private static partial Regex Row();

    /// <summary>A locator line under a row: a locator method call (a URL or a value is not one).</summary>
    [GeneratedRegex(@"^(locator|getBy[A-Za-z]+|frameLocator)\(")]
    private static partial Regex LocatorLine();
}
