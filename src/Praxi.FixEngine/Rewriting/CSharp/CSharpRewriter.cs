using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>
/// The C# rewriter: Playwright .NET and Selenium test code, parsed with Roslyn. Edits are the smallest spans (a string
/// literal's token, a role member, an inserted option), at the failing call or at the definition its value was followed
/// to; every rewritten file is reparsed and must not gain a syntax error.
/// </summary>
internal sealed class CSharpRewriter : ICodeRewriter
{
    public bool Handles(string repoRelativePath) =>
        repoRelativePath is not null && repoRelativePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);

    public string? NewSyntaxProblem(string path, string? before, string after, CancellationToken cancellationToken)
    {
        var beforeCount = before is null ? 0 : SyntaxErrors(before, cancellationToken).Count;
        var afterErrors = SyntaxErrors(after, cancellationToken);
        return afterErrors.Count > beforeCount
            ? string.Create(CultureInfo.InvariantCulture, $"{afterErrors.Count} parse error(s), {beforeCount} before: {afterErrors[0]}")
            : null;
    }

    public RewriteResult Rewrite(RewriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instruction = request.Instruction;
        var file = instruction.File.Replace('\\', '/');
        if (!Handles(file))
        {
            return RewriteResult.NotFound($"{file} is not a C# file");
        }

        file = Locate(request.Repository, file) ?? file;
        var project = CSharpProject.For(request.Repository, file);
        var tree = project.Tree(file);
        if (tree is null)
        {
            return RewriteResult.NotFound($"{file} does not exist in the repository (or lies outside it)");
        }

        var region = FailingRegion.At(tree, instruction.Line, instruction.Column, cancellationToken);
        if (region is null)
        {
            return RewriteResult.NotFound($"{file} has no line {instruction.Line}");
        }

        var plan = instruction.Kind switch
        {
            FixKind.ReplaceSelector or FixKind.NarrowSelector when instruction.Old is null => EditPlan.NotFound("the instruction has no old locator"),
            FixKind.ReplaceSelector or FixKind.NarrowSelector when instruction.New is null => EditPlan.Manual("the instruction has no new locator yet (no healed selector)"),
            FixKind.ReplaceSelector or FixKind.NarrowSelector =>
                new SelectorRewrite(project, region, request.Preferences, cancellationToken).Plan(instruction.Old!, instruction.New!),
            FixKind.RaiseTimeout when instruction.NewMs is not { } newMs || newMs <= 0 => EditPlan.Manual("the instruction has no new timeout"),
            FixKind.RaiseTimeout => new TimeoutRewrite(project, region, cancellationToken).Plan(instruction.OldMs, instruction.NewMs!.Value),
            FixKind.ReplaceHardWait => new HardWaitRewrite(project, region).Plan(),
            _ => EditPlan.NotFound($"the C# rewriter does not handle '{instruction.Kind.ToName()}' instructions"),
        };

        return ToResult(plan, project, file, instruction.Kind.ToName(), cancellationToken);
    }

    private static RewriteResult ToResult(EditPlan plan, CSharpProject project, string file, string kind, CancellationToken cancellationToken)
    {
        switch (plan.Status)
        {
            case RewriteStatus.NoChange:
                return RewriteResult.NoChange(plan.Reason ?? "nothing to change");
            case RewriteStatus.NeedsManualReview:
                return RewriteResult.ManualReview(plan.Reason ?? "a person must decide");
            case RewriteStatus.NotFound:
                return RewriteResult.NotFound(plan.Reason ?? "not found");
        }

        var followedFrom = plan.Followed ? $"{file}:{plan.CallLine}" : null;
        var edits = new List<TextEdit>();
        foreach (var group in plan.Edits.GroupBy(e => e.Tree))
        {
            var ordered = group.DistinctBy(e => (e.Start, e.Length, e.NewText)).OrderBy(e => e.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Start < ordered[i - 1].Start + ordered[i - 1].Length
                    || ordered[i].Start == ordered[i - 1].Start && ordered[i].Length == 0 && ordered[i - 1].Length == 0)
                {
                    return RewriteResult.ManualReview($"the edits for {project.PathOf(group.Key)} overlap");
                }
            }

            if (NewSyntaxErrors(group.Key, ordered, cancellationToken) is { } error)
            {
                return RewriteResult.ManualReview($"the edit would break the syntax of {project.PathOf(group.Key)}: {error}");
            }

            var path = project.PathOf(group.Key);
            edits.AddRange(ordered.Select(e => new TextEdit(
                path,
                e.Start,
                e.Length,
                e.NewText,
                group.Key.GetLineSpan(new TextSpan(e.Start, 0), cancellationToken).StartLinePosition.Line + 1,
                kind,
                followedFrom,
                plan.Followed ? plan.OtherUsages : null)));
        }

        return edits.Count == 0 ? RewriteResult.NoChange("nothing to change") : RewriteResult.Edited(edits);
    }

    /// <summary>The first syntax error the edits add (null when the edited file parses as well as before).</summary>
    private static string? NewSyntaxErrors(SyntaxTree tree, IReadOnlyList<PlannedEdit> edits, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var changed = text.WithChanges(edits.Select(e => new TextChange(new TextSpan(e.Start, e.Length), e.NewText)));
        // Incremental: only the edited spans are reparsed, so the check costs far less than a parse of the file.
        var reparsed = tree.WithChangedText(changed);
        var before = tree.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        var after = reparsed.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return after.Count > before ? after[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The repository file an instruction means: its own path, or — when a runner printed an absolute or build-machine
    /// path — the one repository <c>.cs</c> file whose path is the longest suffix of it.
    /// </summary>
    private static string? Locate(SourceRepository repository, string file)
    {
        if (repository.Read(file) is not null)
        {
            return file;
        }

        var matches = repository.Files(".cs").Where(f => file.EndsWith("/" + f, StringComparison.Ordinal)).OrderByDescending(f => f.Length).ToList();
        return matches.Count == 1 || matches.Count > 1 && matches[0].Length > matches[1].Length ? matches[0] : null;
    }

    private static List<string> SyntaxErrors(string text, CancellationToken cancellationToken) =>
        [.. CSharpSyntaxTree.ParseText(text, CSharpProject.ParseOptions, cancellationToken: cancellationToken)
            .GetDiagnostics(cancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id} at line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(CultureInfo.InvariantCulture)}")];
}
