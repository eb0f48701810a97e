using System.Diagnostics;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Locators;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Pipeline.Sweep;

/// <summary>
/// Every file handed to its rewriter with an instruction that matches nothing: a rewriter that is right changes no byte,
/// and re-encoding its text must give the file's bytes back. The sweep checks a real suite this way; the rewrite
/// benchmark (bench/) times it over a generated repository.
/// </summary>
internal static class NoOpPass
{
    /// <summary>The instruction the no-op pass gives every file: a selector that appears nowhere, at the file's middle line.</summary>
    public static FixInstruction Instruction(string path, int lines) => new()
    {
        Kind = FixKind.ReplaceSelector,
        File = path,
        Line = Math.Max(1, lines / 2),
        Old = new LocatorSpec { By = LocatorKind.Css, Value = "#praxi-bench-absent" },
        New = new LocatorSpec { By = LocatorKind.Css, Value = "#praxi-bench-absent-healed" },
        Confidence = 1,
        Evidence = "praxi bench rewrite",
    };

    /// <summary>
    /// One no-op pass: every file handed to its rewriter with <see cref="Instruction"/>, any edits it returned applied,
    /// and the result encoded the way the file was. Returns the files whose bytes came out different (and why).
    /// </summary>
    public static List<string> Run(SourceRepository repository, IReadOnlyList<string> files, CancellationToken cancellationToken) =>
        Run(repository, files, null, cancellationToken);

    /// <summary>The no-op pass, adding the time spent per file extension to <paramref name="msByExtension"/> when given.</summary>
    public static List<string> Run(SourceRepository repository, IReadOnlyList<string> files, Dictionary<string, double>? msByExtension, CancellationToken cancellationToken)
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
            var result = rewriter.Rewrite(new RewriteRequest(repository, Instruction(file, lines), SelectorPreferences.Default), cancellationToken);
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
}
