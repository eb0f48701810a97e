using Acornima;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.JavaScript;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>
/// The JavaScript side of <see cref="RewriterVerifier"/>: the JavaScript rewriter, and its parse check (the output still
/// tokenizes as the rewriter's own check sees it, and plain JavaScript also parses as a module).
/// </summary>
internal static class JsRewriteVerifier
{
    private static readonly RewriterVerifier Verifier = new(() => new JavaScriptRewriter(), SyntaxProblem);

    /// <summary>Verifies an edit in one file (plus unchanged context files) in every encoding variant; returns the LF run's result.</summary>
    public static RewriteResult Verify(FixInstruction instruction, params RewriteFile[] files) =>
        Verifier.Verify(instruction, SelectorPreferences.Default, files);

    /// <summary>Runs once on LF files, checks it planned no edit, and returns the result (for outcomes without edits).</summary>
    public static RewriteResult Run(FixInstruction instruction, params RewriteFile[] files) => Verifier.Run(instruction, files);

    private static string? SyntaxProblem(string path, string text)
    {
        if (JsSyntaxCheck.Problem(path, text) is { } problem)
        {
            return problem;
        }

        if (!JsSyntaxCheck.IsPlainJavaScript(path))
        {
            return null;
        }

        try
        {
            new Parser().ParseModule(text);
            return null;
        }
        catch (ParseErrorException e)
        {
            return e.Message;
        }
    }
}
