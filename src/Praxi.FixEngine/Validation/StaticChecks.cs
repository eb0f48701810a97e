using System.Globalization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Guardrails;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Validation;

/// <summary>
/// The checks that need no run, judged on each changed file's text before and after the patch: <c>parses</c> (no new
/// parse errors: Roslyn for C#, the JavaScript tokenizer and Acornima for JS/TS) and <c>assertions_intact</c> (no assertion
/// removed, weakened or inverted, no skip/only/fixme added: the guardrails' integrity checks, comments not counted).
/// </summary>
internal static class StaticChecks
{
    /// <summary>Name of the parse check.</summary>
    public const string Parses = "parses";

    /// <summary>Name of the assertion check.</summary>
    public const string AssertionsIntact = "assertions_intact";

    /// <summary>One file of the patch: its text before and after (null when absent).</summary>
    public sealed record ChangedFile(string Path, string? Before, string? After);

    /// <summary>Both checks over the changed files; each language's rewriter judges its own files' syntax.</summary>
    public static IReadOnlyList<ValidationCheck> Run(IReadOnlyList<ChangedFile> files, IReadOnlyList<ICodeRewriter> rewriters, CancellationToken cancellationToken) =>
        [ParseCheck(files, rewriters, cancellationToken), AssertionCheck(files)];

    private static ValidationCheck ParseCheck(IReadOnlyList<ChangedFile> files, IReadOnlyList<ICodeRewriter> rewriters, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var checkedFiles = 0;
        foreach (var file in files.Where(f => f.After is not null))
        {
            if (rewriters.FirstOrDefault(r => r.Handles(file.Path)) is not { } rewriter)
            {
                continue;
            }

            checkedFiles++;
            if (rewriter.NewSyntaxProblem(file.Path, file.Before, file.After!, cancellationToken) is { } problem)
            {
                problems.Add($"{file.Path}: {problem}");
            }
        }

        return problems.Count > 0
            ? new ValidationCheck { Name = Parses, Passed = false, Detail = "new parse errors: " + string.Join("; ", problems) }
            : new ValidationCheck { Name = Parses, Passed = true, Detail = string.Create(CultureInfo.InvariantCulture, $"{checkedFiles} changed source file(s) parse as well as before") };
    }

    private static ValidationCheck AssertionCheck(IReadOnlyList<ChangedFile> files)
    {
        var refused = new List<string>();
        long before = 0;
        long after = 0;
        foreach (var file in files.Where(f => f.Before is not null || f.After is not null))
        {
            var decisions = IntegrityChecks.Check(file.Path, file.Before ?? string.Empty, file.After ?? string.Empty, [], int.MaxValue)
                .Where(d => d.Rule is "assertions_kept" or "no_skip_added")
                .ToList();
            foreach (var d in decisions)
            {
                if (d.Verdict == GuardrailVerdict.Refused)
                {
                    refused.Add($"{file.Path}: {d.Reason}");
                }
                else if (d.Rule == "assertions_kept")
                {
                    before += d.Limit ?? 0;
                    after += d.Value ?? 0;
                }
            }
        }

        return refused.Count > 0
            ? new ValidationCheck { Name = AssertionsIntact, Passed = false, Detail = string.Join("; ", refused) }
            : new ValidationCheck { Name = AssertionsIntact, Passed = true, Detail = string.Create(CultureInfo.InvariantCulture, $"{after} assertion call(s) in the changed files ({before} before); no skip, only or fixme added") };
    }

    /// <summary>Repository-relative paths the diff touches (new side; the old side for a deleted file).</summary>
    public static IReadOnlyList<string> PathsOf(string patch)
    {
        var paths = new List<string>();
        string? oldPath = null;
        foreach (var raw in patch.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                oldPath = Strip(line[4..]);
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var newPath = Strip(line[4..]);
                if ((newPath ?? oldPath) is { } p && !paths.Contains(p, StringComparer.Ordinal))
                {
                    paths.Add(p);
                }
            }
        }

        return paths;

        static string? Strip(string path)
        {
            var p = path.Split('\t')[0].Trim();
            if (p == "/dev/null")
            {
                return null;
            }

            if (p.Length > 1 && p[0] == '"' && p[^1] == '"')
            {
                p = p[1..^1];
            }

            return p.StartsWith("a/", StringComparison.Ordinal) || p.StartsWith("b/", StringComparison.Ordinal) ? p[2..] : p;
        }
    }
}
