using System.Diagnostics;
using Acornima;
using Microsoft.CodeAnalysis.CSharp;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Pipeline;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Cli.Benchmarks;

/// <summary>
/// Times, on the calling thread and alternating run by run so that load hits both sides alike: the fix agent on the
/// planted literal of each big file against a plain parse of that file, and the no-op pass over the repository
/// against a plain parse of every file of it. Meant to run in a fresh process pinned to one core.
/// </summary>
internal static class RewriteProbe
{
    /// <summary>Runs per side: at least 3, then until 4 s are spent or 15 runs.</summary>
    public static RepeatPolicy Repeat { get; } = new(3, 15, TimeSpan.FromSeconds(4));

    public static RewriteMeasurement Measure(RewriteBenchLayout layout, bool inProcess, CancellationToken cancellationToken)
    {
        var pinned = !inProcess && SelfProcess.PinToOneCore();
        var cs = layout.CSharpSpec();
        var ts = layout.TypeScriptSpec();
        var cases = new List<RewriteCase>
        {
            SingleFile("cs-file", layout.CSharpRoot, cs, "Roslyn CSharpSyntaxTree.ParseText", cancellationToken),
            SingleFile("ts-file", layout.TypeScriptRoot, ts, "Acornima tokenizer, every token", cancellationToken),
            Repository(layout.RepositoryRoot, cancellationToken),
        };
        return new RewriteMeasurement(cases, pinned, inProcess);
    }

    /// <summary>Reads, decodes and parses one file: Roslyn for C#, Acornima's tokenizer for everything else.</summary>
    public static int Parse(string fullPath, CancellationToken cancellationToken)
    {
        var source = SourceText.Decode(fullPath, File.ReadAllBytes(fullPath));
        if (fullPath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            var tree = CSharpSyntaxTree.ParseText(source.Text, Rewriting.CSharp.CSharpProject.ParseOptions, path: fullPath, cancellationToken: cancellationToken);
            return tree.GetRoot(cancellationToken).FullSpan.Length;
        }

        var tokenizer = new Tokenizer(source.Text, SourceType.Module, fullPath, new TokenizerOptions { EcmaVersion = EcmaVersion.Latest, AllowHashBang = true, Tolerant = false });
        var context = new TokenizerContext();
        var count = 0;
        while (tokenizer.GetToken(in context).Kind != TokenKind.EOF)
        {
            count++;
        }

        return count;
    }

    /// <summary>The instruction the no-op pass gives every file: a selector that appears nowhere, at the file's middle line.</summary>
    public static FixInstruction NoOpInstruction(string path, int lines) => new()
    {
        Kind = "replace_selector",
        File = path,
        Line = Math.Max(1, lines / 2),
        Old = new LocatorSpec { By = LocatorKind.Css, Value = "#praxi-bench-absent" },
        New = new LocatorSpec { By = LocatorKind.Css, Value = "#praxi-bench-absent-healed" },
        Confidence = 1,
        Evidence = "praxi bench rewrite",
    };

    /// <summary>
    /// One no-op pass: every file handed to its rewriter with <see cref="NoOpInstruction"/>, any edits it returned applied,
    /// and the result encoded the way the file was. Returns the files whose bytes came out different (and why).
    /// </summary>
    public static List<string> NoOpPass(SourceRepository repository, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        NoOpPass(repository, files, null, cancellationToken);

    /// <summary>The no-op pass, adding the time spent per file extension to <paramref name="msByExtension"/> when given.</summary>
    public static List<string> NoOpPass(SourceRepository repository, IReadOnlyList<string> files, Dictionary<string, double>? msByExtension, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        foreach (var file in files)
        {
            var started = Stopwatch.GetTimestamp();
            cancellationToken.ThrowIfCancellationRequested();
            var source = repository.Read(file);
            var rewriter = CodeRewriters.For(file, CodeRewriters.All);
            if (source is null || rewriter is null)
            {
                changed.Add($"{file}: {(source is null ? "unreadable" : "no rewriter")}");
                continue;
            }

            var lines = source.Text.Count('\n') + 1;
            var result = rewriter.Rewrite(new RewriteRequest(repository, NoOpInstruction(file, lines), SelectorPreferences.Default), cancellationToken);
            var text = source.Text;
            foreach (var edit in result.Edits.Where(e => e.File == file).OrderByDescending(e => e.Start))
            {
                text = string.Concat(text.AsSpan(0, edit.Start), edit.NewText, text.AsSpan(edit.Start + edit.Length));
            }

            if (result.Edits.Count > 0 || !source.Encode(text).AsSpan().SequenceEqual(source.Bytes))
            {
                changed.Add($"{file}: {(result.Edits.Count > 0 ? $"{result.Edits.Count} edit(s)" : "re-encoding changed the bytes")}");
            }

            if (msByExtension is not null)
            {
                var ext = Path.GetExtension(file);
                msByExtension[ext] = msByExtension.GetValueOrDefault(ext) + Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }

        return changed;
    }

    private static RewriteCase SingleFile(string label, string root, GeneratedSpec spec, string baseline, CancellationToken cancellationToken)
    {
        var agent = new FixAgent();
        var input = new FixInput { RunId = "bench", Instructions = [spec.Instruction()] };
        var full = Path.Combine(root, spec.Path);
        var bytes = new FileInfo(full).Length;
        FixResult? last = null;
        var (runs, rewriteMs, parseMs) = Alternate(
            () => last = agent.Plan(input, root, cancellationToken),
            () => Parse(full, cancellationToken),
            cancellationToken);

        var edits = last!.Changes.SelectMany(c => c.Edits).ToList();
        var ok = last.Allowed && edits.Count == 1 && edits[0].Before.Contains(spec.Old.Value!, StringComparison.Ordinal) && last.Patch.Length > 0;
        var detail = ok
            ? $"1 edit at line {edits[0].Edit.Line}, patch {last.Patch.Count('\n')} lines, guardrails allowed"
            : $"expected one allowed edit of {spec.Old.Value}: allowed={last.Allowed}, edits={edits.Count}, review={string.Join("; ", last.Metadata.ManualReview.Select(r => r.Reason))}";
        return new RewriteCase(label, "FixAgent.Plan (rewriter, guardrails, unified diff)", baseline, 1, spec.Lines, bytes, runs, rewriteMs, parseMs, ok, detail);
    }

    private static RewriteCase Repository(string root, CancellationToken cancellationToken)
    {
        var files = new SourceRepository(root).Files(".cs", ".ts").Order(StringComparer.Ordinal).ToList();
        var fulls = files.Select(f => Path.Combine(root, f)).ToList();
        var bytes = fulls.Sum(f => new FileInfo(f).Length);
        var lines = fulls.Sum(f => File.ReadAllText(f).Count('\n'));
        List<string> changed = [];
        var split = new Dictionary<string, double>(StringComparer.Ordinal);
        var (runs, rewriteMs, parseMs) = Alternate(
            () =>
            {
                split.Clear();
                changed = NoOpPass(new SourceRepository(root), files, split, cancellationToken);
            },
            () =>
            {
                foreach (var f in fulls)
                {
                    Parse(f, cancellationToken);
                }
            },
            cancellationToken);

        var ok = changed.Count == 0 && files.Count > 0;
        var where = string.Join(", ", split.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:0} ms over {files.Count(f => f.EndsWith(kv.Key, StringComparison.Ordinal))} files"));
        var detail = ok
            ? $"{files.Count} of {files.Count} files byte-identical; last pass: {where}"
            : $"{files.Count - changed.Count} of {files.Count} files byte-identical; first: {string.Join("; ", changed.Take(3))}";
        return new RewriteCase("repository", "no-op pass (each file to its rewriter, re-encoded)", "Roslyn .cs + Acornima tokens .ts", files.Count, lines, bytes, runs, rewriteMs, parseMs, ok, detail);
    }

    /// <summary>One untimed run of each side, then timed runs in turns until <see cref="Repeat"/> is satisfied for both.</summary>
    private static (int Runs, double RewriteMedianMs, double ParseMedianMs) Alternate(Action rewrite, Action parse, CancellationToken cancellationToken)
    {
        rewrite();
        parse();
        var rewriteTimes = new List<double>();
        var parseTimes = new List<double>();
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            rewriteTimes.Add(Time(rewrite));
            parseTimes.Add(Time(parse));
        }
        while (Repeat.WantsMore([.. rewriteTimes.Zip(parseTimes, (r, p) => r + p)]));

        return (rewriteTimes.Count, RepeatPolicy.Median(rewriteTimes), RepeatPolicy.Median(parseTimes));
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        return watch.Elapsed.TotalMilliseconds;
    }
}
