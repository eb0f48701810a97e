using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.CSharp;

namespace Praxi.FixEngine.Tests.Rewriting.CSharp;

/// <summary>
/// Runs the C# rewriter on files written to a temporary repository with real encodings and checks a before/after pair:
/// the <c>[|…|]</c> markers in an after text are exactly where the edits put new text, everything else is byte-identical
/// (BOM and CRLF included), the output parses, and a second pass over the output changes nothing.
/// </summary>
internal static class CSharpRewriterVerifier
{
    private const string ProjectFile = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n";

    /// <summary>One file of the test repository; <paramref name="After"/> holds the markers (equal to the before text when untouched).</summary>
    internal sealed record FileCase(string Path, string Before, string After);

    /// <summary>A file the instruction edits: <paramref name="after"/> marks the new text with <c>[|…|]</c>.</summary>
    public static FileCase Case(string path, string before, string after) => new(path, before, after);

    /// <summary>A file the instruction must leave alone.</summary>
    public static FileCase Unchanged(string path, string text) => new(path, text, text);

    /// <summary>Checks the pair as LF UTF-8 without BOM and as CRLF UTF-8 with BOM; returns the first pass's result (LF).</summary>
    public static RewriteResult Verify(FixInstruction instruction, params FileCase[] files) =>
        VerifyWith(SelectorPreferences.Default, instruction, files);

    /// <summary>As <see cref="Verify(FixInstruction, FileCase[])"/>, with the project's selector preferences.</summary>
    public static RewriteResult VerifyWith(SelectorPreferences preferences, FixInstruction instruction, params FileCase[] files)
    {
        var result = VerifyVariant(instruction, preferences, files, crlf: false, bom: false);
        VerifyVariant(instruction, preferences, files, crlf: true, bom: true);
        return result;
    }

    /// <summary>Runs the rewriter once (LF, no BOM) and checks it planned no edit.</summary>
    public static RewriteResult Run(FixInstruction instruction, params FileCase[] files)
    {
        var root = Write(files.Select(f => (f.Path, Encode(f.Before, bom: false))));
        var result = new CSharpRewriter().Rewrite(new RewriteRequest(new SourceRepository(root), instruction, SelectorPreferences.Default), CancellationToken.None);
        result.Edits.Should().BeEmpty();
        return result;
    }

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

    private static RewriteResult VerifyVariant(FixInstruction instruction, SelectorPreferences preferences, FileCase[] files, bool crlf, bool bom)
    {
        string Eol(string s) => crlf ? s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) : s;
        var cases = files.Select(f => (f.Path, Before: Eol(f.Before), Expected: Markers.Parse(Eol(f.After)))).ToList();
        var root = Write(cases.Select(c => (c.Path, Encode(c.Before, bom))));
        var sut = new CSharpRewriter();

        var result = sut.Rewrite(new RewriteRequest(new SourceRepository(root), instruction, preferences), CancellationToken.None);

        var variant = crlf ? "CRLF + BOM" : "LF";
        result.Status.Should().Be(RewriteStatus.Edited, $"{variant}: {result.Reason}");
        foreach (var (path, before, expected) in cases)
        {
            var edits = result.Edits.Where(e => e.File == path).OrderBy(e => e.Start).ToList();
            var output = Apply(before, edits);
            output.Should().Be(expected.Text, $"{variant}: {path} is rewritten as expected");
            NewSpans(edits).Should().Equal(expected.Spans, $"{variant}: {path} changes only the marked spans");

            var source = Praxi.FixEngine.Rewriting.SourceText.Decode(path, File.ReadAllBytes(Path.Combine(root, path)));
            source.Encode(output).Should().Equal(Encode(expected.Text, bom), $"{variant}: bytes outside the edits, BOM and line endings are kept");

            CSharpSyntaxTree.ParseText(output).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
                .Should().BeEmpty($"{variant}: {path} still parses");
            foreach (var edit in edits)
            {
                edit.Line.Should().Be(before[..edit.Start].Count(c => c == '\n') + 1);
                edit.Kind.Should().Be(instruction.Kind.ToName());
            }
        }

        result.Edits.Select(e => e.File).Should().BeSubsetOf(cases.Select(c => c.Path), "edits stay in the files of the case");

        var secondRoot = Write(cases.Select(c => (c.Path, Encode(c.Expected.Text, bom))));
        var second = sut.Rewrite(new RewriteRequest(new SourceRepository(secondRoot), instruction, preferences), CancellationToken.None);
        second.Status.Should().Be(RewriteStatus.NoChange, $"{variant}: a second pass changes nothing ({second.Reason})");
        second.Edits.Should().BeEmpty();
        return result;
    }

    private static string Apply(string text, IReadOnlyList<TextEdit> ordered)
    {
        var sb = new StringBuilder(text);
        foreach (var edit in ordered.OrderByDescending(e => e.Start))
        {
            sb.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.NewText);
        }

        return sb.ToString();
    }

    /// <summary>Where each edit's new text lands in the output.</summary>
    private static List<(int Start, int Length)> NewSpans(IReadOnlyList<TextEdit> ordered)
    {
        var spans = new List<(int, int)>();
        var shift = 0;
        foreach (var edit in ordered)
        {
            spans.Add((edit.Start + shift, edit.NewText.Length));
            shift += edit.NewText.Length - edit.Length;
        }

        return spans;
    }

    private static byte[] Encode(string text, bool bom) => [.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. new UTF8Encoding(false).GetBytes(text)];

    private static string Write(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var root = TestPaths.NewTempDir();
        var list = files.ToList();
        if (!list.Any(f => f.Path.EndsWith(".csproj", StringComparison.Ordinal)))
        {
            list.Add(("E2E.csproj", Encoding.UTF8.GetBytes(ProjectFile)));
        }

        foreach (var (path, bytes) in list)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        return root;
    }

    /// <summary>An after text with its <c>[|…|]</c> markers removed, and the marked spans.</summary>
    private sealed record Markers(string Text, List<(int Start, int Length)> Spans)
    {
        public static Markers Parse(string marked)
        {
            var sb = new StringBuilder();
            var spans = new List<(int, int)>();
            var open = -1;
            for (var i = 0; i < marked.Length; i++)
            {
                if (marked.AsSpan(i).StartsWith("[|"))
                {
                    open = sb.Length;
                    i++;
                }
                else if (marked.AsSpan(i).StartsWith("|]") && open >= 0)
                {
                    spans.Add((open, sb.Length - open));
                    open = -1;
                    i++;
                }
                else
                {
                    sb.Append(marked[i]);
                }
            }

            return new Markers(sb.ToString(), spans);
        }
    }
}
