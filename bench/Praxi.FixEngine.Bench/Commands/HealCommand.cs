using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Bench.Heal;
using Praxi.FixEngine.Cli;

namespace Praxi.FixEngine.Bench.Commands;

/// <summary>
/// <c>praxi-bench heal [--size 1MB] [--seed N] [--json]</c>: healing one failure on a generated page (five cases), timed
/// beside parsing the same page in the same process; each case is also checked for the element it finds.
/// </summary>
internal sealed class HealCommand : Command
{
    private readonly Option<string> _size = new("--size") { Description = "Size of the generated page (e.g. 100KB, 1MB, 5MB).", DefaultValueFactory = _ => "1MB" };
    private readonly Option<int> _seed = new("--seed") { Description = "Generator seed (same seed and size, same page).", DefaultValueFactory = _ => HealBenchmark.DefaultSeed };
    private readonly Option<bool> _json = new("--json") { Description = "Print the figures as one JSON object." };

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public HealCommand()
        : base("heal", "Benchmark healing one failure on a generated page beside parsing the same page, and check each case's answer.")
    {
        Options.Add(_size);
        Options.Add(_seed);
        Options.Add(_json);
        SetAction((parse, ct) => CliRun.GuardAsync(parse, () => RunAsync(parse, ct)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var bytes = ByteSize.Parse(parse.GetRequiredValue(_size));
        if (bytes is < 4_096 or > 64L * 1024 * 1024)
        {
            throw new FixEngineException("--size must be between 4KB and 64MB.");
        }

        var report = await Task.Run(() => HealBenchmark.Run(bytes, parse.GetValue(_seed), new RepeatPolicy(3, 15, TimeSpan.FromSeconds(3)), cancellationToken), cancellationToken).ConfigureAwait(false);
        var output = parse.InvocationConfiguration.Output;
        await output.WriteAsync(parse.GetValue(_json) ? JsonSerializer.Serialize(report, JsonOptions) + "\n" : Render(report)).ConfigureAwait(false);
        return report.Cases.Any(c => c.Verdict == "wrong") ? ExitCodes.Failed : ExitCodes.Success;
    }

    internal static string Render(HealBenchReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"page: {ByteSize.Format(report.Bytes)}, {report.Elements} elements, {report.Cards} product cards; parse {report.ParseMs:0.0} ms (median)").Append('\n');
        sb.Append("| case | status | verdict | new locator | heal (median) | × parse |\n|---|---|---|---|---|---|\n");
        foreach (var c in report.Cases)
        {
            sb.Append(inv, $"| {c.Name} | {c.Status} | {c.Verdict} | {(c.New is null ? "—" : "`" + c.New + "`")} | {c.HealMs:0.0} ms | {c.RatioToParse:0.00} |").Append('\n');
        }

        if (report.LoadAverage is not null)
        {
            sb.Append("load average: ").Append(report.LoadAverage).Append('\n');
        }

        return sb.ToString();
    }
}
