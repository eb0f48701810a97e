using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Guardrails;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.CSharp;
using Praxi.FixEngine.Rewriting.JavaScript;

namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>
/// The correctness sweep of <c>praxi bench sweep REPO</c>, which users run on their own test suite: on every test file the
/// default allowlist accepts, a no-op pass must give the bytes back, and for every literal selector and timeout a replace
/// instruction through the real <see cref="FixAgent"/> must yield a patch that real <c>git apply</c> accepts, that changes
/// only the reported spans (the literal or its definition), and that leaves the file parsing. Nothing in the repository
/// is written.
/// </summary>
public static partial class RewriteSweep
{
    private const int MaxProblems = 50;

    private static readonly GlobPattern[] Allow = [.. GuardrailPolicy.DefaultAllow.Select(GlobPattern.Parse)];
    private static readonly GlobPattern[] Denied = [.. GuardrailPolicy.AlwaysDenied.Select(GlobPattern.Parse)];

    /// <summary>Sweeps the checkout of a test suite.</summary>
    /// <param name="repositoryRoot">The checkout's root folder.</param>
    /// <param name="options">How many instructions to run and where progress goes; null for all, silently.</param>
    /// <param name="cancellationToken">Cancels the sweep.</param>
    /// <returns>The counts, and the first problems in detail.</returns>
    /// <exception cref="FixEngineException">The folder does not exist, or git cannot be run.</exception>
    public static SweepReport Run(string repositoryRoot, RewriteSweepOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        options ??= new RewriteSweepOptions();
        if (options.Limit is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(options));
        }

        if (!Directory.Exists(repositoryRoot))
        {
            throw new FixEngineException($"'{repositoryRoot}' is not a folder: the sweep takes the checkout of a test suite.");
        }

        var root = Path.GetFullPath(repositoryRoot);
        var repository = new SourceRepository(root);
        var handled = repository.Files().Where(f => CodeRewriters.For(f, CodeRewriters.All) is not null).ToList();
        var files = handled
            .Where(f => Allow.Any(g => g.IsMatch(f)) && !Denied.Any(g => g.IsMatch(f, ignoreCase: true)))
            .Order(StringComparer.Ordinal)
            .ToList();
        options.Progress?.Report($"sweep: {files.Count} test file(s) in {root}");

        var problems = new List<string>();
        var changed = NoOpPass.Run(repository, files, cancellationToken);
        problems.AddRange(changed.Select(c => $"no-op: {c}"));

        var literals = new List<SweepLiteral>();
        foreach (var file in files)
        {
            var text = repository.Read(file)!.Text;
            if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                literals.AddRange(CSharpLiteralFinder.Find(file, text, cancellationToken));
            }
            else if (ScriptLiteralFinder.Find(file, text, out var error) is { } found)
            {
                literals.AddRange(found);
            }
            else
            {
                problems.Add($"{file}: does not tokenize ({error}); its literals are not swept");
            }
        }

        var planned = literals.Where(l => l.Instruction is not null).Take(options.Limit ?? int.MaxValue).ToList();
        options.Progress?.Report($"sweep: {literals.Count} literal(s), {planned.Count} instruction(s)");

        using var git = GitApply.TryCreate(out var gitProblem) ?? throw new FixEngineException($"the sweep needs git on PATH: {gitProblem}");
        var agent = new FixAgent();
        var review = new Dictionary<string, int>(StringComparer.Ordinal);
        int edited = 0, accepted = 0, spanExact = 0, parseOk = 0, notFound = 0, noChange = 0;
        foreach (var literal in planned)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var where = $"{literal.File}:{literal.Line}:{literal.Column} {literal.Form}";
            var result = agent.Plan(new FixInput { RunId = "sweep", Instructions = [literal.Instruction!] }, root, cancellationToken);
            if (!result.Allowed)
            {
                foreach (var refusal in result.Metadata.Guardrails.Decisions.Where(d => d.Verdict != GuardrailVerdict.Allowed))
                {
                    Count(review, $"guardrails: {refusal.Rule}");
                }

                Add(problems, $"{where}: refused by the guardrails ({string.Join(", ", result.Metadata.Guardrails.Decisions.Where(d => d.Verdict != GuardrailVerdict.Allowed).Select(d => $"{d.Rule} {d.Subject}"))})");
                continue;
            }

            var item = result.Metadata.ManualReview.Count > 0 ? result.Metadata.ManualReview[0] : null;
            if (result.Changes.Count == 0)
            {
                switch (item?.Status)
                {
                    case null:
                        noChange++;
                        Add(problems, $"{where}: no change planned");
                        break;
                    case "not_found":
                        notFound++;
                        Add(problems, $"{where}: not found ({item.Reason})");
                        break;
                    default:
                        Count(review, $"{item.Status}: {Normalize(item.Reason)}");
                        Add(problems, $"{where}: {item.Status} ({item.Reason})");
                        break;
                }

                continue;
            }

            edited++;
            var (ok, problem, applied) = git.Check(result.Changes.ToDictionary(c => c.Path, c => c.Original.Bytes, StringComparer.Ordinal), result.Patch);
            if (ok && result.Changes.All(c => applied[c.Path].AsSpan().SequenceEqual(c.NewBytes())))
            {
                accepted++;
            }
            else
            {
                Add(problems, $"{where}: git apply {(ok ? "gave other bytes than planned" : "refused: " + problem)}");
            }

            if (SpanProblem(literal, result.Changes) is { } spanProblem)
            {
                Add(problems, $"{where}: {spanProblem}");
            }
            else
            {
                spanExact++;
            }

            if (result.Changes.Select(ParseProblem).FirstOrDefault(p => p is not null) is { } parseProblem)
            {
                Add(problems, $"{where}: {parseProblem}");
            }
            else
            {
                parseOk++;
            }
        }

        return new SweepReport
        {
            Repository = root,
            Files = files.Count,
            OutsideAllowlist = handled.Count - files.Count,
            NoOpIdentical = files.Count - changed.Count,
            Literals = literals.Count,
            Skipped = literals.Where(l => l.Instruction is null).GroupBy(l => l.Skipped!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Instructions = planned.Count,
            SelectorInstructions = planned.Count(l => l.Instruction!.Kind != FixKind.RaiseTimeout),
            TimeoutInstructions = planned.Count(l => l.Instruction!.Kind == FixKind.RaiseTimeout),
            Edited = edited,
            GitApplyAccepted = accepted,
            SpanExact = spanExact,
            ParseOk = parseOk,
            ManualReview = review,
            NotFound = notFound,
            NoChange = noChange,
            Problems = problems.Take(MaxProblems).ToList(),
        };

        void Add(List<string> list, string problem)
        {
            if (list.Count < MaxProblems)
            {
                list.Add(problem);
            }
        }
    }

    /// <summary>
    /// Null when the change is exact: the text outside the reported edit spans is unchanged, and an edit covers the literal
    /// itself (or the value was followed to its definition).
    /// </summary>
    internal static string? SpanProblem(SweepLiteral literal, IReadOnlyList<FileChange> changes)
    {
        foreach (var change in changes)
        {
            var oldText = change.Original.Text;
            var newText = change.NewText;
            int oldAt = 0, newAt = 0;
            foreach (var applied in change.Edits.OrderBy(e => e.Edit.Start))
            {
                var gap = applied.Edit.Start - oldAt;
                if (applied.NewStart - newAt != gap || !oldText.AsSpan(oldAt, gap).SequenceEqual(newText.AsSpan(newAt, gap)))
                {
                    return $"{change.Path}: text outside the edit spans changed before offset {applied.Edit.Start}";
                }

                oldAt = applied.Edit.Start + applied.Edit.Length;
                newAt = applied.NewEnd;
            }

            if (!oldText.AsSpan(oldAt).SequenceEqual(newText.AsSpan(newAt)))
            {
                return $"{change.Path}: text after the last edit span changed";
            }
        }

        var edits = changes.SelectMany(c => c.Edits).Select(a => a.Edit).ToList();
        var atLiteral = edits.Any(e => e.File == literal.File && e.Start <= literal.Start + literal.Length && e.Start + e.Length >= literal.Start);
        var followed = edits.All(e => e.FollowedFrom is not null);
        return atLiteral || followed
            ? null
            : $"the edit is not at the literal (offset {literal.Start}) but at {string.Join(", ", edits.Select(e => $"{e.File}:{e.Line} offset {e.Start}"))}";
    }

    /// <summary>Null when the edited file parses as well as the original; else what broke.</summary>
    internal static string? ParseProblem(FileChange change)
    {
        if (change.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            static int Errors(string text) => CSharpSyntaxTree.ParseText(text, CSharpProject.ParseOptions).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var before = Errors(change.Original.Text);
            var after = Errors(change.NewText);
            return after > before ? $"{change.Path}: {after - before} new Roslyn error(s)" : null;
        }

        var problem = JsSyntaxCheck.Problem(change.Path, change.NewText);
        return problem is not null && JsSyntaxCheck.Problem(change.Path, change.Original.Text) is null ? $"{change.Path}: {problem}" : null;
    }

    private static void Count(Dictionary<string, int> histogram, string key) =>
        histogram[key] = histogram.GetValueOrDefault(key) + 1;

    /// <summary>A review reason without its file, line, quoted values and numbers, so that alike reasons count together.</summary>
    private static string Normalize(string reason)
    {
        var text = WherePrefix().Replace(reason, string.Empty);
        text = Quoted().Replace(text, "…");
        text = Digits().Replace(text, "N");
        return text.Length > 100 ? text[..100] + "…" : text;
    }

    [GeneratedRegex(@"^\S+:\d+:\s*")]
    private static partial Regex WherePrefix();

    [GeneratedRegex("""'[^']*'|"[^"]*"|`[^`]*`""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
