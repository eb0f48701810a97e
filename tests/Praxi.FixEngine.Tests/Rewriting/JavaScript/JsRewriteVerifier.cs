using System.Text;
using Acornima;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;
using Praxi.FixEngine.Rewriting.JavaScript;

namespace Praxi.FixEngine.Tests.Rewriting.JavaScript;

/// <summary>One file of a rewriter case: its text before, and after with <c>[|…|]</c> around each expected edit (null: unchanged).</summary>
internal sealed record JsFile(string Path, string Before, string? After = null);

/// <summary>
/// Runs the JavaScript rewriter on real files in a temporary repository (LF, CRLF and UTF-8 BOM variants) and checks:
/// the result equals the expected text, every edit is exactly a marked span (so bytes outside are identical), a
/// second pass changes nothing, and the output still tokenizes (plain JavaScript also parses).
/// </summary>
internal static class JsRewriteVerifier
{
    private static readonly string[] Variants = ["lf", "crlf", "bom"];

    /// <summary>Verifies an edit in one file (plus unchanged context files); returns the LF run's result.</summary>
    public static RewriteResult Verify(FixInstruction instruction, params JsFile[] files)
    {
        RewriteResult? first = null;
        foreach (var variant in Variants)
        {
            var result = VerifyVariant(instruction, files, variant);
            first ??= result;
        }

        return first!;
    }

    /// <summary>Runs once on LF files and returns the result (for outcomes without edits).</summary>
    public static RewriteResult Run(FixInstruction instruction, params JsFile[] files)
    {
        using var repo = new TempRepo();
        foreach (var file in files)
        {
            repo.Write(file.Path, Encoding.UTF8.GetBytes(Strip(file.Before, out _)));
        }

        var result = new JavaScriptRewriter().Rewrite(new RewriteRequest(new SourceRepository(repo.Root), instruction, SelectorPreferences.Default), CancellationToken.None);
        if (result.Status != RewriteStatus.Edited)
        {
            result.Edits.Should().BeEmpty();
        }

        return result;
    }

    private static RewriteResult VerifyVariant(FixInstruction instruction, JsFile[] files, string variant)
    {
        using var repo = new TempRepo();
        var expected = new Dictionary<string, (byte[] Bytes, List<(int Start, int End)> Spans, string Text)>();
        foreach (var file in files)
        {
            var before = Convert(file.Before, variant);
            repo.Write(file.Path, Encode(before, variant));
            if (file.After is not null)
            {
                var after = Strip(Convert(file.After, variant), out var spans);
                expected[file.Path] = (Encode(after, variant), spans, after);
            }
        }

        var sut = new JavaScriptRewriter();
        var repository = new SourceRepository(repo.Root);
        var result = sut.Rewrite(new RewriteRequest(repository, instruction, SelectorPreferences.Default), CancellationToken.None);

        result.Status.Should().Be(RewriteStatus.Edited, $"({variant}) reason: {result.Reason}");
        result.Edits.Select(e => e.File).Distinct().Should().BeEquivalentTo(expected.Keys, $"({variant}) edited files");
        foreach (var group in result.Edits.GroupBy(e => e.File))
        {
            var source = repository.Read(group.Key)!;
            var text = source.Text;
            var shift = 0;
            var actualSpans = new List<(int, int)>();
            foreach (var edit in group.OrderBy(e => e.Start))
            {
                text = string.Concat(text.AsSpan(0, edit.Start + shift), edit.NewText, text.AsSpan(edit.Start + shift + edit.Length));
                actualSpans.Add((edit.Start + shift, edit.Start + shift + edit.NewText.Length));
                shift += edit.NewText.Length - edit.Length;
                edit.Line.Should().Be(LineOf(source.Text, edit.Start), $"({variant}) the edit's line");
            }

            var want = expected[group.Key];
            text.Should().Be(want.Text, $"({variant}) {group.Key}");
            actualSpans.Should().Equal(want.Spans, $"({variant}) the edited spans of {group.Key} are exactly the marked ones");
            source.Encode(text).Should().Equal(want.Bytes, $"({variant}) bytes of {group.Key}");
            JsSyntaxCheck.Problem(group.Key, text).Should().BeNull();
            if (JsSyntaxCheck.IsPlainJavaScript(group.Key))
            {
                var parse = () => new Parser().ParseModule(text);
                parse.Should().NotThrow($"({variant}) {group.Key} still parses");
            }

            repo.Write(group.Key, source.Encode(text));
        }

        var again = sut.Rewrite(new RewriteRequest(new SourceRepository(repo.Root), instruction, SelectorPreferences.Default), CancellationToken.None);
        again.Status.Should().Be(RewriteStatus.NoChange, $"({variant}) a second pass changes nothing; reason: {again.Reason}");
        return result;
    }

    private static int LineOf(string text, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    private static string Convert(string text, string variant) =>
        variant == "crlf" ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal) : text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static byte[] Encode(string text, string variant) =>
        variant == "bom" ? [0xEF, 0xBB, 0xBF, .. new UTF8Encoding(false).GetBytes(text)] : new UTF8Encoding(false).GetBytes(text);

    /// <summary>Removes <c>[|</c> and <c>|]</c>, returning the marked spans in the stripped text.</summary>
    public static string Strip(string marked, out List<(int Start, int End)> spans)
    {
        spans = [];
        var sb = new StringBuilder();
        var open = -1;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked[i] == '[' && i + 1 < marked.Length && marked[i + 1] == '|')
            {
                open = sb.Length;
                i++;
                continue;
            }

            if (marked[i] == '|' && i + 1 < marked.Length && marked[i + 1] == ']' && open >= 0)
            {
                spans.Add((open, sb.Length));
                open = -1;
                i++;
                continue;
            }

            sb.Append(marked[i]);
        }

        return sb.ToString();
    }

    private sealed class TempRepo : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("praxi-js-").FullName;

        public void Write(string path, byte[] bytes)
        {
            var full = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
