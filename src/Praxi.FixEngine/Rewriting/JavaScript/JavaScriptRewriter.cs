using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// Rewrites Playwright specs and page objects in TypeScript and JavaScript: selectors (in the author's locator
/// form and quotes), explicit timeouts, and hard waits — on tokens (Acornima's tokenizer, which handles
/// TypeScript's token shapes) with light structure recognition; plain JavaScript output is also parsed.
/// Values are followed to same-file declarations, class fields, constructor parameter properties and page
/// objects imported by relative path, and edited there once.
/// </summary>
internal sealed partial class JavaScriptRewriter : ICodeRewriter
{
    public bool Handles(string repoRelativePath) =>
        JsResolver.Extensions.Any(e => repoRelativePath.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public string? NewSyntaxProblem(string path, string? before, string after, CancellationToken cancellationToken) =>
        before is not null && JsSyntaxCheck.Problem(path, before) is not null ? null : JsSyntaxCheck.Problem(path, after);

    public RewriteResult Rewrite(RewriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instruction = request.Instruction;
        var resolver = new JsResolver(request.Repository, cancellationToken);
        var doc = resolver.Document(instruction.File, out var error);
        if (doc is null)
        {
            return request.Repository.Read(instruction.File) is null
                ? RewriteResult.NotFound($"{instruction.File}: file not found in the repository")
                : RewriteResult.ManualReview($"{instruction.File}: cannot tokenize ({error})");
        }

        var result = instruction.Kind switch
        {
            FixKind.ReplaceSelector or FixKind.NarrowSelector => Selectors(resolver, doc, instruction, request.Preferences ?? SelectorPreferences.Default),
            FixKind.RaiseTimeout => Timeouts(resolver, doc, instruction),
            FixKind.ReplaceHardWait => HardWait(resolver, doc, instruction),
            _ => RewriteResult.ManualReview($"instruction kind '{instruction.Kind.ToName()}' is not one the JavaScript rewriter handles"),
        };
        return result.Status == RewriteStatus.Edited ? Verify(resolver, result) : result;
    }

    /// <summary>Applies the edits in memory; refuses (manual review) when edits overlap or a file would no longer tokenize or parse.</summary>
    private static RewriteResult Verify(JsResolver resolver, RewriteResult result)
    {
        var distinct = result.Edits.Distinct().ToList();
        foreach (var group in distinct.GroupBy(e => e.File))
        {
            var text = resolver.Repository.Read(group.Key)!.Text;
            var ordered = group.OrderBy(e => e.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Start < ordered[i - 1].Start + ordered[i - 1].Length)
                {
                    return RewriteResult.ManualReview($"{group.Key}: planned edits overlap at line {ordered[i].Line}");
                }
            }

            foreach (var edit in Enumerable.Reverse(ordered))
            {
                text = string.Concat(text.AsSpan(0, edit.Start), edit.NewText, text.AsSpan(edit.Start + edit.Length));
            }

            if (JsSyntaxCheck.Problem(group.Key, text) is { } problem)
            {
                return RewriteResult.ManualReview($"{group.Key}: the edit would leave the file broken ({problem})");
            }
        }

        return RewriteResult.Edited(distinct);
    }
}
