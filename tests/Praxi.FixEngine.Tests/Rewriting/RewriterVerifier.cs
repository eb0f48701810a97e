using System.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Tests.Rewriting;

/// <summary>
/// The before/after check of a rewriter, shared by the C# and the JavaScript rewriter tests. It writes the case's files to
/// a temp repository in every encoding variant (LF; CRLF; UTF-8 with BOM; CRLF with BOM), runs the rewriter, and checks
/// that the edits turn each file into its after text, that the new text lands exactly in the <c>[|…|]</c> spans (so every
/// byte outside them, BOM and line endings included, is what it was), each edit's line and kind, that edits stay in the
/// case's files, that the output still parses (the language's own check), and that a second pass changes nothing.
/// </summary>
/// <param name="newRewriter">Makes the rewriter under test.</param>
/// <param name="syntaxProblem">The language's parse check: what is wrong with a file's text (path, text), or null.</param>
/// <param name="scaffolding">Files the language needs beside the case's (paths of the case → extra files), e.g. a project file.</param>
internal sealed class RewriterVerifier(
    Func<ICodeRewriter> newRewriter,
    Func<string, string, string?> syntaxProblem,
    Func<IReadOnlyList<string>, IEnumerable<RewriteFile>>? scaffolding = null)
{
    private static readonly Variant[] Variants = [new("LF", Crlf: false, Bom: false), new("CRLF", Crlf: true, Bom: false), new("BOM", Crlf: false, Bom: true), new("CRLF + BOM", Crlf: true, Bom: true)];

    /// <summary>Checks the case in every variant; returns the LF run's result.</summary>
    public RewriteResult Verify(FixInstruction instruction, SelectorPreferences preferences, IReadOnlyList<RewriteFile> files)
    {
        RewriteResult? first = null;
        foreach (var variant in Variants)
        {
            var result = VerifyVariant(instruction, preferences, files, variant);
            first ??= result;
        }

        return first!;
    }

    /// <summary>Runs the rewriter once on LF files without BOM, checks it planned no edit, and returns the result (for outcomes without edits).</summary>
    public RewriteResult Run(FixInstruction instruction, IReadOnlyList<RewriteFile> files)
    {
        using var repo = Write(files.Select(f => (f.Path, f.Before)), Variants[0]);
        var result = newRewriter().Rewrite(new RewriteRequest(new SourceRepository(repo.Path), instruction, SelectorPreferences.Default), CancellationToken.None);
        result.Edits.Should().BeEmpty();
        return result;
    }

    /// <summary>A marked text without its <c>[|</c> and <c>|]</c>.</summary>
    public static string Strip(string marked) => Markers.Parse(marked).Text;

    private RewriteResult VerifyVariant(FixInstruction instruction, SelectorPreferences preferences, IReadOnlyList<RewriteFile> files, Variant variant)
    {
        var cases = files.Select(f => (f.Path, Before: variant.Lines(f.Before), Expected: Markers.Parse(variant.Lines(f.After ?? f.Before), marked: f.After is not null))).ToList();
        using var repo = Write(cases.Select(c => (c.Path, c.Before)), variant);
        var sut = newRewriter();

        var result = sut.Rewrite(new RewriteRequest(new SourceRepository(repo.Path), instruction, preferences), CancellationToken.None);

        result.Status.Should().Be(RewriteStatus.Edited, $"{variant.Name}: {result.Reason}");
        result.Edits.Select(e => e.File).Should().BeSubsetOf(cases.Select(c => c.Path), "edits stay in the files of the case");
        foreach (var (path, before, expected) in cases)
        {
            var edits = result.Edits.Where(e => e.File == path).OrderBy(e => e.Start).ToList();
            var output = Apply(before, edits);
            output.Should().Be(expected.Text, $"{variant.Name}: {path} is rewritten as expected");
            NewSpans(edits).Should().Equal(expected.Spans, $"{variant.Name}: {path} changes only the marked spans");

            var source = SourceText.Decode(path, File.ReadAllBytes(Path.Combine(repo.Path, path)));
            source.Encode(output).Should().Equal(variant.Encode(expected.Text), $"{variant.Name}: bytes outside the edits, BOM and line endings are kept");
            syntaxProblem(path, output).Should().BeNull($"{variant.Name}: {path} still parses");
            foreach (var edit in edits)
            {
                edit.Line.Should().Be(before[..edit.Start].Count(c => c == '\n') + 1, $"{variant.Name}: the edit's line");
                edit.Kind.Should().Be(instruction.Kind.ToName());
            }
        }

        using var secondRepo = Write(cases.Select(c => (c.Path, c.Expected.Text)), variant);
        var second = sut.Rewrite(new RewriteRequest(new SourceRepository(secondRepo.Path), instruction, preferences), CancellationToken.None);
        second.Status.Should().Be(RewriteStatus.NoChange, $"{variant.Name}: a second pass changes nothing ({second.Reason})");
        second.Edits.Should().BeEmpty();
        return result;
    }

    private TempFolder Write(IEnumerable<(string Path, string Text)> files, Variant variant)
    {
        var list = files.ToList();
        var extra = scaffolding?.Invoke([.. list.Select(f => f.Path)]).Select(f => (f.Path, f.Before)) ?? [];
        var repo = TempFolder.Create("rewrite");
        foreach (var (path, text) in list.Concat(extra))
        {
            var full = repo.Combine(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, variant.Encode(text));
        }

        return repo;
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

    /// <summary>One way of storing the text: line endings and BOM.</summary>
    private sealed record Variant(string Name, bool Crlf, bool Bom)
    {
        public string Lines(string text)
        {
            var lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            return Crlf ? lf.Replace("\n", "\r\n", StringComparison.Ordinal) : lf;
        }

        public byte[] Encode(string text) => [.. (Bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. new UTF8Encoding(false).GetBytes(text)];
    }

    /// <summary>An after text with its <c>[|…|]</c> markers removed, and the marked spans.</summary>
    private sealed record Markers(string Text, List<(int Start, int Length)> Spans)
    {
        public static Markers Parse(string text, bool marked = true)
        {
            if (!marked)
            {
                return new Markers(text, []);
            }

            var sb = new StringBuilder();
            var spans = new List<(int, int)>();
            var open = -1;
            for (var i = 0; i < text.Length; i++)
            {
                if (text.AsSpan(i).StartsWith("[|"))
                {
                    open = sb.Length;
                    i++;
                }
                else if (text.AsSpan(i).StartsWith("|]") && open >= 0)
                {
                    spans.Add((open, sb.Length - open));
                    open = -1;
                    i++;
                }
                else
                {
                    sb.Append(text[i]);
                }
            }

            return new Markers(sb.ToString(), spans);
        }
    }
}
