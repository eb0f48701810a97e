using System.Text.Json.Nodes;

namespace Praxi.FixEngine.Cli.Tests.Commands;

/// <summary>
/// Real run outputs for the dashboard tests, made once per test run by the real CLI from samples/artifacts: two
/// <c>praxi heal</c> folders (a healed selector with a patch, a removed element that needs a person) and a bare
/// <c>praxi analyze</c> folder.
/// </summary>
internal static class DashboardRuns
{
    private static readonly Lazy<Task<string>> Made = new(MakeAsync);

    /// <summary>The folder holding <c>renamed/</c>, <c>removed/</c> and <c>bare/</c>.</summary>
    public static Task<string> RootAsync() => Made.Value;

    /// <summary>A copy, in <paramref name="folder"/>, of the renamed-selector run whose test name, failure message, PR title and patch carry <paramref name="payload"/>.</summary>
    public static async Task<string> HostileCopyAsync(string payload, string folder)
    {
        var source = Path.Combine(await RootAsync(), "renamed");
        var copy = Path.Combine(folder, "hostile");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var analysis = Path.Combine(copy, "analysis.json");
        var json = JsonNode.Parse(File.ReadAllText(analysis))!;
        var failure = json["classification"]!["failures"]![0]!;
        failure["test"] = payload;
        failure["message"] = payload;
        File.WriteAllText(analysis, json.ToJsonString());
        var metadata = Directory.GetFiles(Path.Combine(copy, "fix-agent"), "metadata-*.json").Single();
        var meta = JsonNode.Parse(File.ReadAllText(metadata))!;
        meta["pr_title"] = payload;
        File.WriteAllText(metadata, meta.ToJsonString());
        var patch = Directory.GetFiles(Path.Combine(copy, "fix-agent"), "patch-*.diff").Single();
        File.AppendAllText(patch, "+" + payload + "\n");
        return copy;
    }

    private static async Task<string> MakeAsync()
    {
        // Made once and shared by every test of the process: removed with the process's temp root after the last test.
        var root = TempFolder.Create("dash-runs").Path;
        var samples = Path.Combine(RepositoryRoot.Path, "samples");
        var artifacts = Path.Combine(samples, "artifacts");
        await Run("heal", Path.Combine(artifacts, "renamed-selector"), "--repo", samples, "--out", Path.Combine(root, "renamed"), "--run-id", "renamed-1");
        await Run("heal", Path.Combine(artifacts, "removed-element"), "--repo", samples, "--out", Path.Combine(root, "removed"), "--run-id", "removed-1");
        await Run("analyze", Path.Combine(artifacts, "server-down"), "--out", Path.Combine(root, "bare", "analysis.json"), "--run-id", "bare-1");
        return root;
    }

    private static async Task Run(params string[] args)
    {
        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync(args);
        if (code is not (ExitCodes.Success or ExitCodes.Failed))
        {
            throw new InvalidOperationException($"praxi {args[0]} failed ({code}): {stderr}");
        }
    }
}
