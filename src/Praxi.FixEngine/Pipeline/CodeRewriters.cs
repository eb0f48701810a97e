using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Pipeline;

/// <summary>
/// The rewriters the fix agent uses, one per language; the first whose <see cref="ICodeRewriter.Handles"/>
/// accepts a file's path edits it. Add a language by adding its rewriter to <see cref="All"/>.
/// </summary>
internal static class CodeRewriters
{
    /// <summary>The built-in rewriters, in the order they are asked.</summary>
    public static IReadOnlyList<ICodeRewriter> All { get; } =
    [
        new Rewriting.CSharp.CSharpRewriter(),
        new Rewriting.JavaScript.JavaScriptRewriter(),
    ];

    /// <summary>The rewriter for <paramref name="repoRelativePath"/>, or null when no rewriter handles its extension.</summary>
    public static ICodeRewriter? For(string repoRelativePath, IReadOnlyList<ICodeRewriter> rewriters) =>
        rewriters.FirstOrDefault(r => r.Handles(repoRelativePath));
}
