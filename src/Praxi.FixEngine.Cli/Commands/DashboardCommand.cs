using System.CommandLine;
using Praxi.FixEngine.Reporting;

namespace Praxi.FixEngine.Cli.Commands;

/// <summary>
/// <c>praxi dashboard &lt;outputs...&gt; [--out DIR] [--summary FILE] [--pr-comment FILE] [--title T]</c>: one self-contained
/// <c>index.html</c> over any number of runs' output folders, plus a short job summary (appended to
/// <c>$GITHUB_STEP_SUMMARY</c> by default) and a PR comment body. A folder that does not exist is bad input (exit 2,
/// nothing written); a folder whose files cannot be read is shown as unreadable.
/// </summary>
internal sealed class DashboardCommand : Command
{
    private readonly CliServices _services;
    private readonly Argument<string[]> _outputs = new("outputs") { Description = "Runs' output folders ('praxi heal --out', or a folder holding just analysis.json).", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _out = new("--out") { Description = "Folder for index.html.", DefaultValueFactory = _ => "dashboard" };
    private readonly Option<string?> _summary = new("--summary") { Description = "Append a markdown job summary here (default: $GITHUB_STEP_SUMMARY when set)." };
    private readonly Option<string?> _prComment = new("--pr-comment") { Description = "Write a markdown PR comment body here." };
    private readonly Option<string?> _title = new("--title") { Description = $"The dashboard's title (default: {Dashboard.DefaultTitle})." };

    public DashboardCommand(CliServices services)
        : base("dashboard", "Render runs' outputs as one self-contained HTML dashboard, a job summary and a PR comment.")
    {
        _services = services;
        Arguments.Add(_outputs);
        Options.Add(_out);
        Options.Add(_summary);
        Options.Add(_prComment);
        Options.Add(_title);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var runs = parse.GetRequiredValue(_outputs).Select(RunOutputs.Load).ToList();
        var title = parse.GetValue(_title);
        var index = Path.Combine(parse.GetRequiredValue(_out), "index.html");
        var files = new List<(string Path, string Content)> { (index, Dashboard.RenderHtml(runs, title)) };
        if (parse.GetValue(_prComment) is { } comment)
        {
            files.Add((comment, Dashboard.RenderPrComment(runs, title)));
        }

        await AtomicFiles.WriteAllAsync(files, cancellationToken).ConfigureAwait(false);
        var summary = parse.GetValue(_summary) ?? _services.Environment("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrWhiteSpace(summary))
        {
            // GitHub reads the step summary file after the step; other steps may have written to it already, so append.
            await File.AppendAllTextAsync(summary, Dashboard.RenderSummary(runs, title) + "\n", cancellationToken).ConfigureAwait(false);
        }

        var statuses = runs.GroupBy(r => r.Status, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key.Replace('_', ' ')}");
        await parse.InvocationConfiguration.Output.WriteLineAsync($"dashboard: {runs.Count} run(s) ({string.Join(", ", statuses)}) → {index}").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
