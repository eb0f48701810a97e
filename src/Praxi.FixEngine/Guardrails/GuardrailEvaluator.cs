using System.Globalization;
using System.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Guardrails;

/// <summary>
/// Judges one planned patch against a <see cref="GuardrailPolicy"/> before anything is written: where it
/// edits (inside the root, not denied, allowed), how big it is (files, changed lines, hunks), what it does to
/// the tests (<see cref="IntegrityChecks"/>). Every rule records a decision; any refusal refuses the patch.
/// </summary>
internal sealed class GuardrailEvaluator
{
    private static readonly GlobPattern[] Always = [.. GuardrailPolicy.AlwaysDenied.Select(GlobPattern.Parse)];
    private static readonly GlobPattern[] TestFiles = [.. GuardrailPolicy.DefaultAllow.Where(g => !g.Contains("playwright.config", StringComparison.Ordinal)).Select(GlobPattern.Parse)];
    private static readonly GlobPattern[] ConfigFiles = [.. new[] { "*.config.*", "*.conf", "*.runsettings", "*.ini", "*.toml", "*.yml", "*.yaml", "*.xml", "appsettings*" }.Select(GlobPattern.Parse)];

    private readonly GuardrailPolicy _policy;
    private readonly GlobPattern[] _allow;
    private readonly GlobPattern[] _deny;

    public GuardrailEvaluator(GuardrailPolicy policy)
    {
        policy.Validate();
        _policy = policy;
        _allow = [.. policy.Allow.Select(GlobPattern.Parse)];
        _deny = [.. policy.Deny.Select(GlobPattern.Parse)];
    }

    /// <param name="repository">The repository (for symlink checks).</param>
    /// <param name="editedPaths">Every path a rewriter asked to edit, including ones Patching could not read.</param>
    /// <param name="files">The files as patched in memory, with their diffs.</param>
    public GuardrailReport Evaluate(SourceRepository repository, IReadOnlyList<string> editedPaths, IReadOnlyList<(FileChange Change, FileDiff Diff)> files)
    {
        var decisions = new List<GuardrailDecision>();
        var paths = editedPaths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var path in paths)
        {
            decisions.AddRange(PathDecisions(repository, path));
        }

        foreach (var (change, _) in files)
        {
            decisions.Add(TextFile(change));
        }

        decisions.Add(Cap("max_files", paths.Count, _policy.MaxFiles, "file(s)"));
        decisions.Add(Cap("max_changed_lines", files.Sum(f => f.Diff.ChangedLines), _policy.MaxChangedLines, "changed line(s)"));
        decisions.Add(Cap("max_hunks", files.Sum(f => f.Diff.Hunks.Count), _policy.MaxHunks, "hunk(s)"));

        foreach (var (change, _) in files)
        {
            var spans = change.Edits.Select(e => (e.NewStart, e.NewEnd)).ToList();
            decisions.AddRange(IntegrityChecks.Check(change.Path, change.Original.Text, change.NewText, spans, _policy.MaxTimeoutMs));
        }

        return new GuardrailReport { Allowed = decisions.All(d => d.Verdict == GuardrailVerdict.Allowed), Decisions = decisions };
    }

    /// <summary>The risk class and score of the planned files (see docs/guardrails.md).</summary>
    public static FixRisk Risk(IReadOnlyList<(FileChange Change, FileDiff Diff)> files)
    {
        if (files.Count == 0)
        {
            return new FixRisk(RiskClass.TestOnly, 0);
        }

        var classes = files.Select(f => ClassOf(f.Change.Path)).ToList();
        var cls = classes.Contains(RiskClass.Backend) ? RiskClass.Backend : classes.Contains(RiskClass.Config) ? RiskClass.Config : RiskClass.TestOnly;
        var score = cls switch
        {
            RiskClass.Backend => 0.6,
            RiskClass.Config => 0.35,
            _ => 0.1,
        };
        score += 0.05 * (files.Count - 1);
        score += Math.Min(0.15, 0.01 * Math.Max(0, files.Sum(f => f.Diff.ChangedLines) - 1));
        if (files.Any(f => f.Change.Edits.Any(e => e.Edit.OtherUsages is { Count: > 0 })))
        {
            score += 0.1;
        }

        return new FixRisk(cls, Math.Round(Math.Clamp(score, 0, 1), 2));
    }

    /// <summary>Why <paramref name="path"/> is not a plain path inside the repository, or null.</summary>
    internal static string? OutsideReason(SourceRepository repository, string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the path is empty";
        }

        if (path.Any(char.IsControl))
        {
            return "the path contains control characters";
        }

        if (path.StartsWith('/') || path.StartsWith('\\') || Path.IsPathRooted(path) || path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        {
            return "the path is absolute; edits must name repository-relative paths";
        }

        var segments = path.Split('/', '\\');
        if (segments.Contains(".."))
        {
            return "the path leaves the repository root through '..'";
        }

        if (path.Contains('\\', StringComparison.Ordinal) || segments.Any(s => s.Length == 0 || s == "."))
        {
            return "the path is not a canonical repository-relative path ('/' separators, no empty or '.' segments)";
        }

        if (repository.Resolve(path) is null)
        {
            return "the path goes through a symbolic link, which may point outside the repository";
        }

        return null;
    }

    private IEnumerable<GuardrailDecision> PathDecisions(SourceRepository repository, string path)
    {
        if (OutsideReason(repository, path) is { } outside)
        {
            yield return Refused("path_inside_repository", path, outside);
            yield break;
        }

        yield return Allowed("path_inside_repository", path);

        var always = Always.FirstOrDefault(g => g.IsMatch(path, ignoreCase: true));
        var configured = _deny.FirstOrDefault(g => g.IsMatch(path, ignoreCase: true));
        if (always is not null || configured is not null)
        {
            yield return Refused("path_denylist", path, always is not null
                ? $"matches the always-denied glob '{always.Text}' ({Why(always.Text)})"
                : $"matches the configured deny glob '{configured!.Text}'");
            yield break;
        }

        yield return Allowed("path_denylist", path);

        var allow = _allow.FirstOrDefault(g => g.IsMatch(path));
        yield return allow is null
            ? Refused("path_allowlist", path, "matches no allow glob (test folders and test file names by default; configure guardrails.allow)")
            : Allowed("path_allowlist", path);
    }

    private static string Why(string glob) => glob switch
    {
        _ when glob.Contains(".github", StringComparison.Ordinal) || glob.Contains(".gitlab", StringComparison.Ordinal) || glob.Contains(".circleci", StringComparison.Ordinal) || glob.Contains(".ci/", StringComparison.Ordinal) || glob.Contains("pipelines", StringComparison.Ordinal) || glob == "Jenkinsfile" => "CI configuration",
        _ when glob.Contains(".git", StringComparison.Ordinal) => "version control",
        _ when glob.Contains("lock", StringComparison.Ordinal) || glob == "npm-shrinkwrap.json" => "lock file",
        _ when glob == "praxi.json" => "the guardrail policy itself",
        _ when glob.Contains("env", StringComparison.Ordinal) || glob.Contains("secret", StringComparison.Ordinal) || glob.Contains("appsettings", StringComparison.Ordinal)
            || glob is "*.pem" or "*.key" or "*.pfx" or "*.p12" or "*.crt" or "*.cer" or "*.jks" or "*.keystore" or "id_rsa*" or "id_ed25519*"
            || glob.Contains("rc", StringComparison.Ordinal) || glob.Contains("nuget", StringComparison.OrdinalIgnoreCase) => "secrets or credentials",
        _ => "build script or project file",
    };

    private static GuardrailDecision TextFile(FileChange change)
    {
        var source = change.Original;
        string? problem = null;
        if (source.Encoding is not UTF8Encoding)
        {
            problem = $"the file is {source.Encoding.WebName}; a text patch carries UTF-8 only";
        }
        else if (source.Text.Contains('\0', StringComparison.Ordinal))
        {
            problem = "the file is binary (NUL characters)";
        }
        else if (!source.Encode(source.Text).AsSpan().SequenceEqual(source.Bytes))
        {
            problem = "the file is not valid UTF-8: writing it back would change bytes outside the edits";
        }

        return problem is null ? Allowed("text_file", change.Path) : Refused("text_file", change.Path, problem);
    }

    private static GuardrailDecision Cap(string rule, int value, int limit, string unit) => value > limit
        ? new GuardrailDecision { Rule = rule, Value = value, Limit = limit, Verdict = GuardrailVerdict.Refused, Reason = string.Create(CultureInfo.InvariantCulture, $"the patch has {value} {unit}; the policy allows {limit}") }
        : new GuardrailDecision { Rule = rule, Value = value, Limit = limit, Verdict = GuardrailVerdict.Allowed };

    private static RiskClass ClassOf(string path) =>
        ConfigFiles.Any(g => g.IsMatch(path, ignoreCase: true)) || path.Contains("playwright.config.", StringComparison.Ordinal) ? RiskClass.Config
        : TestFiles.Any(g => g.IsMatch(path)) ? RiskClass.TestOnly
        : RiskClass.Backend;

    private static GuardrailDecision Allowed(string rule, string subject) => new() { Rule = rule, Subject = subject, Verdict = GuardrailVerdict.Allowed };

    private static GuardrailDecision Refused(string rule, string subject, string reason) => new() { Rule = rule, Subject = subject, Verdict = GuardrailVerdict.Refused, Reason = reason };
}
