using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.CSharp;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

/// <summary>
/// The C# side of <see cref="RewriterVerifier"/>: the C# rewriter, Roslyn's parse check, and a project file beside the
/// sources (the rewriter reads the project to tell the test framework), plus helpers to write cases.
/// </summary>
internal static class CSharpRewriterVerifier
{
    private const string ProjectFile = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n";

    private static readonly RewriterVerifier Verifier = new(() => new CSharpRewriter(), SyntaxProblem, Scaffolding);

    /// <summary>A file the instruction edits: <paramref name="after"/> marks the new text with <c>[|…|]</c>.</summary>
    public static RewriteFile Case(string path, string before, string after) => new(path, before, after);

    /// <summary>A file the instruction must leave alone.</summary>
    public static RewriteFile Unchanged(string path, string text) => new(path, text);

    /// <summary>Checks the pair in every encoding variant; returns the first pass's result (LF).</summary>
    public static RewriteResult Verify(FixInstruction instruction, params RewriteFile[] files) =>
        VerifyWith(SelectorPreferences.Default, instruction, files);

    /// <summary>As <see cref="Verify(FixInstruction, RewriteFile[])"/>, with the project's selector preferences.</summary>
    public static RewriteResult VerifyWith(SelectorPreferences preferences, FixInstruction instruction, params RewriteFile[] files) =>
        Verifier.Verify(instruction, preferences, files);

    /// <summary>Runs the rewriter once (LF, no BOM) and checks it planned no edit.</summary>
    public static RewriteResult Run(FixInstruction instruction, params RewriteFile[] files) => Verifier.Run(instruction, files);

    /// <summary>The 1-based line of the first occurrence of <paramref name="fragment"/>.</summary>
    public static int Line(string source, string fragment)
    {
        var index = source.IndexOf(fragment, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, $"the source contains {fragment}");
        return source[..index].Count(c => c == '\n') + 1;
    }

    /// <summary>The 1-based column of the first occurrence of <paramref name="fragment"/>.</summary>
    public static int Column(string source, string fragment)
    {
        var index = source.IndexOf(fragment, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, $"the source contains {fragment}");
        return index - source[..index].LastIndexOf('\n');
    }

    private static string? SyntaxProblem(string path, string text) =>
        CSharpSyntaxTree.ParseText(text).GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.ToString();

    private static IEnumerable<RewriteFile> Scaffolding(IReadOnlyList<string> paths) =>
        paths.Any(p => p.EndsWith(".csproj", StringComparison.Ordinal)) ? [] : [new RewriteFile("E2E.csproj", ProjectFile)];
}
