using System.Globalization;
using System.Text.Json;

namespace Praxi.FixEngine.Reporting;

/// <summary>
/// One run's output folder as <c>praxi heal --out</c> writes it (or a folder holding just an <c>analysis.json</c>), read
/// tolerantly: every stage that is there and readable is kept, a stage that is missing is simply absent, and a file that
/// cannot be read becomes a <see cref="Problems"/> note instead of an exception.
/// </summary>
public sealed class RunOutputs
{
    private RunOutputs(string folder)
    {
        Folder = folder;
        Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
    }

    /// <summary>The folder's name, which names the run on the dashboard.</summary>
    public string Name { get; }

    /// <summary>The full path of the folder.</summary>
    public string Folder { get; }

    /// <summary>The CI run id from the files (null when none of them says).</summary>
    public string? RunId { get; private set; }

    /// <summary>The status chip: <c>healed</c>, <c>patch_offered</c>, <c>patch_withheld</c>, <c>needs_review</c>,
    /// <c>failed</c>, <c>passed</c> or <c>unreadable</c>.</summary>
    public string Status { get; private set; } = RunStatus.Unreadable;

    /// <summary>When the run's outputs were written (the self-heal decision's time, else the newest file's time), used
    /// to order the runs in the trend charts.</summary>
    public DateTimeOffset Time { get; private set; }

    /// <summary>Files that are there but could not be read, or why the folder holds nothing to show.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>analysis.json.</summary>
    internal JsonElement Analysis { get; private set; }

    /// <summary>heal.json.</summary>
    internal JsonElement Heal { get; private set; }

    /// <summary>self-heal/decision.json.</summary>
    internal JsonElement Decision { get; private set; }

    /// <summary>self-heal/report-&lt;run&gt;.json.</summary>
    internal JsonElement SelfHealReport { get; private set; }

    /// <summary>self-heal/attempts.json.</summary>
    internal JsonElement Attempts { get; private set; }

    /// <summary>fix-agent/metadata-&lt;run&gt;.json.</summary>
    internal JsonElement Metadata { get; private set; }

    /// <summary>fix-agent/patch-&lt;run&gt;.diff (null when missing or empty).</summary>
    internal string? Patch { get; private set; }

    /// <summary>fix-agent/patch-&lt;run&gt;.rejected.diff (null when missing or empty).</summary>
    internal string? RejectedPatch { get; private set; }

    /// <summary>The failed tests of the analysis.</summary>
    internal IReadOnlyList<JsonElement> Failures => Analysis.Prop("classification").Arr("failures");

    /// <summary>The run's classification type (null without an analysis).</summary>
    internal string? ErrorType => Analysis.Prop("classification").Str("error_type");

    /// <summary>The per-test verdicts of every self-heal rerun.</summary>
    internal IReadOnlyList<JsonElement> Verdicts => [.. SelfHealReport.Arr("rerun").SelectMany(r => r.Arr("results"))];

    /// <summary>Reads a run's output folder.</summary>
    /// <param name="folder">The folder <c>praxi heal --out</c> (or <c>praxi analyze --out</c>) wrote.</param>
    /// <returns>The run; unreadable files are listed in <see cref="Problems"/>.</returns>
    /// <exception cref="FixEngineException">The folder does not exist (or is a file).</exception>
    public static RunOutputs Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new FixEngineException(File.Exists(full)
                ? $"'{folder}' is a file; pass the run's output folder (the one 'praxi heal --out' wrote)."
                : $"'{folder}' does not exist; pass the run's output folder (the one 'praxi heal --out' wrote).");
        }

        var run = new RunOutputs(full);
        run.Read();
        return run;
    }

    private void Read()
    {
        var problems = new List<string>();
        var times = new List<DateTimeOffset>();
        Analysis = ReadJson("analysis.json", problems, times);
        RunId = Analysis.Str("run_id");
        Heal = ReadJson("heal.json", problems, times);
        Decision = ReadJson(Path.Combine("self-heal", "decision.json"), problems, times);
        Attempts = ReadJson(Path.Combine("self-heal", "attempts.json"), problems, times);
        RunId ??= Heal.Str("run_id") ?? Decision.Str("run_id");
        SelfHealReport = ReadJson(Pick("self-heal", "report-", ".json"), problems, times);
        Metadata = ReadJson(Pick("fix-agent", "metadata-", ".json"), problems, times);
        RunId ??= SelfHealReport.Str("run_id") ?? Metadata.Str("run_id");
        RejectedPatch = ReadText(Pick("fix-agent", "patch-", ".rejected.diff"), problems, times);
        Patch = ReadText(Pick("fix-agent", "patch-", ".diff", ".rejected.diff"), problems, times);

        var loaded = Analysis.IsObject() || Heal.IsObject() || Decision.IsObject() || SelfHealReport.IsObject() || Metadata.IsObject()
            || Patch is not null || RejectedPatch is not null;
        if (!loaded && problems.Count == 0)
        {
            problems.Add("holds none of analysis.json, heal.json, self-heal/, fix-agent/: not a praxi output folder");
        }

        Problems = problems;
        Time = DateTimeOffset.TryParse(Decision.Str("decided_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var decided)
            ? decided
            : times.Count > 0 ? times.Max() : new DateTimeOffset(Directory.GetLastWriteTimeUtc(Folder), TimeSpan.Zero);
        Status = loaded ? DeriveStatus() : RunStatus.Unreadable;
    }

    /// <summary>The file of a stage named after the run: the one for <see cref="RunId"/> when there, else the newest.</summary>
    private string Pick(string stage, string prefix, string suffix, string? notSuffix = null)
    {
        var dir = Path.Combine(Folder, stage);
        if (!Directory.Exists(dir))
        {
            return Path.Combine(stage, prefix + "?" + suffix);
        }

        var exact = Path.Combine(dir, prefix + RunId + suffix);
        if (RunId is not null && File.Exists(exact))
        {
            return Path.GetRelativePath(Folder, exact);
        }

        var newest = Directory.EnumerateFiles(dir, prefix + "*" + suffix)
            .Where(f => notSuffix is null || !f.EndsWith(notSuffix, StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .ThenBy(f => f, StringComparer.Ordinal)
            .FirstOrDefault();
        return newest is null ? Path.Combine(stage, prefix + "?" + suffix) : Path.GetRelativePath(Folder, newest);
    }

    private JsonElement ReadJson(string relative, List<string> problems, List<DateTimeOffset> times)
    {
        var text = ReadText(relative, problems, times);
        if (text is null)
        {
            return default;
        }

        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{Slash(relative)}: not a JSON object");
                return default;
            }

            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            problems.Add($"{Slash(relative)}: not valid JSON ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ')})");
            return default;
        }
    }

    private string? ReadText(string relative, List<string> problems, List<DateTimeOffset> times)
    {
        var path = Path.Combine(Folder, relative);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var text = File.ReadAllText(path);
            times.Add(new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{Slash(relative)}: cannot be read ({ex.Message})");
            return null;
        }
    }

    private string DeriveStatus()
    {
        var validation = Metadata.Prop("validation").Str("status");
        if (SelfHealReport.Str("status") == "healed")
        {
            return RunStatus.Healed;
        }

        if (Analysis.IsObject() && Failures.Count == 0 && !SelfHealReport.IsObject() && Patch is null && RejectedPatch is null)
        {
            return RunStatus.Passed;
        }

        if (RejectedPatch is not null || validation is "failed" or "still_failing" or "timed_out")
        {
            return RunStatus.PatchWithheld;
        }

        if (Patch is not null && Metadata.Arr("edits").Count > 0 && Metadata.Prop("guardrails").Bool("allowed") != false)
        {
            return RunStatus.PatchOffered;
        }

        var review = Metadata.Prop("guardrails").Bool("allowed") == false
            || Metadata.Bool("needs_manual_review") == true
            || Analysis.Prop("triggers").Bool("human_review") == true;
        return review ? RunStatus.NeedsReview : RunStatus.Failed;
    }

    private static string Slash(string relative) => relative.Replace('\\', '/');
}
