using System.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Baseline;

namespace Praxi.FixEngine.Healing;

/// <summary>The DOM evidence a failed test left: its trace, its DOM dump and its ARIA page snapshot, each when present.</summary>
/// <param name="Folder">The artifact folder they were found in, relative to the artifacts root (<c>/</c>-separated).</param>
/// <param name="Trace">The <c>trace.zip</c>.</param>
/// <param name="Dom">A page dump (<c>page.content()</c>, Selenium <c>PageSource</c>): <c>dom.html</c> or another <c>.html</c>.</param>
/// <param name="ErrorContext">Playwright's <c>error-context.md</c>.</param>
internal sealed record FailureEvidence(string Folder, string? Trace, string? Dom, string? ErrorContext);

/// <summary>
/// Finds the evidence folder of each failed test under an artifacts folder. Runners say where they put it in
/// different ways: Playwright's JSON and JUnit reporters list attachments (absolute paths of the machine that ran, or
/// paths relative to the report), a .NET fixture writes a folder named after the test and attaches nothing. So a
/// failure is matched first by its attachments' folders (longest common path suffix, because the artifacts were
/// downloaded elsewhere), then by its name (the folder named <c>Class.Method</c>, or Playwright's
/// <c>&lt;file&gt;-&lt;title slug&gt;-&lt;project&gt;</c>), and only when exactly one folder matches.
/// </summary>
internal sealed class EvidenceLocator
{
    /// <summary>Folders deeper than this under the root are not searched.</summary>
    private const int MaxDepth = 8;

    /// <summary>A root with more files than this is searched only this far.</summary>
    private const int MaxFiles = 200_000;

    private readonly string _root;
    private readonly List<FailureEvidence> _folders = [];

    /// <summary>Zips not named <c>trace.zip</c>, relative to the root: traces saved under names of their own, or other archives.</summary>
    private readonly List<string> _looseZips = [];
    private readonly Dictionary<string, bool> _failed = new(StringComparer.Ordinal);
    private List<TraceHeader>? _looseTraces;

    /// <summary>At most this many zips under the root are opened to see whether they are traces.</summary>
    private const int MaxLooseZips = 5_000;

    /// <summary>Indexes the evidence files under <paramref name="artifactsRoot"/> (a folder, or a file whose folder is used).</summary>
    public EvidenceLocator(string artifactsRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(artifactsRoot);
        _root = Path.GetFullPath(File.Exists(artifactsRoot) ? Path.GetDirectoryName(Path.GetFullPath(artifactsRoot))! : artifactsRoot);
        if (Directory.Exists(_root))
        {
            Index();
        }
    }

    /// <summary>The folders holding evidence, in a stable order.</summary>
    public IReadOnlyList<FailureEvidence> Folders => _folders;

    /// <summary>
    /// The evidence of one failure, or null when nothing can be tied to it. A folder found without a trace (or no folder)
    /// takes the trace whose own name says it is this test's (<see cref="ByTraceName"/>).
    /// </summary>
    public FailureEvidence? Find(FailureReport failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var found = ByFiles(failure.Attachments) ?? ByAttachments(failure.Attachments) ?? ByName(failure.Test);
        if (found?.Trace is null && ByTraceName(failure.Test) is { } trace)
        {
            found = found is null ? new FailureEvidence(FolderOf(trace), trace, null, null) : found with { Trace = trace };
        }

        return found;
    }

    /// <summary>
    /// A trace saved under a name of its own (<c>traces/AddsAProduct_chromium_linux_20261207T1010.zip</c>, what
    /// Playwright's .NET docs show) is recognised by its content and tied to a test by its title or file name
    /// (<see cref="BaselineKeys.TraceNameScore"/>): the best-scoring trace; among equals, those that recorded a failure,
    /// then the latest (the last attempt of a retried test). Null when none names the test or the tie remains.
    /// </summary>
    private string? ByTraceName(string test)
    {
        var scored = LooseTraces()
            .Select(t => (Trace: t, Score: Math.Max(BaselineKeys.TraceNameScore(t.Title, test), BaselineKeys.TraceNameScore(Path.GetFileNameWithoutExtension(t.Path), test))))
            .Where(s => s.Score > 0)
            .ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        var top = scored.Max(s => s.Score);
        var best = scored.Where(s => s.Score == top).Select(s => s.Trace).ToList();
        if (best.Count > 1 && best.Where(RecordedAFailure).ToList() is { Count: > 0 } failed)
        {
            best = failed;
        }

        if (best.Count > 1 && best.All(t => t.WallTime is not null))
        {
            best = [best.MaxBy(t => t.WallTime)!];
        }

        return best.Count == 1 ? best[0].Path : null;
    }

    /// <summary>The zips under the root that are Playwright traces by their content, read once (headers only).</summary>
    private List<TraceHeader> LooseTraces() =>
        _looseTraces ??= [.. _looseZips.Select(z => TraceReader.ReadHeader(FullPath(z)) is { } header ? header with { Path = z } : null).OfType<TraceHeader>()];

    private bool RecordedAFailure(TraceHeader trace)
    {
        if (!_failed.TryGetValue(trace.Path, out var failed))
        {
            try
            {
                var evidence = TraceReader.Read(FullPath(trace.Path));
                failed = evidence.TestErrors.Count > 0 || evidence.Calls.Any(c => c.Error is not null);
            }
            catch (FixEngineException)
            {
                failed = false;
            }

            _failed[trace.Path] = failed;
        }

        return failed;
    }

    private static string FolderOf(string relative) => Path.GetDirectoryName(relative)?.Replace('\\', '/') is { Length: > 0 } dir ? dir : ".";

    /// <summary>
    /// Attachments that are files under the root, named exactly (the HTML report's <c>data/&lt;hash&gt;.zip</c>, a
    /// trace given alone): the failure's own trace, page dump and error-context, even when one folder holds many tests'.
    /// </summary>
    private FailureEvidence? ByFiles(IReadOnlyList<string> attachments)
    {
        string? trace = null, dom = null, context = null, folder = null;
        var shared = false;
        foreach (var attachment in attachments)
        {
            var relative = attachment.Replace('\\', '/');
            if (relative.Length == 0 || LeavesRoot(relative) || !File.Exists(FullPath(relative)))
            {
                continue;
            }

            var extension = Path.GetExtension(relative);
            if (extension.Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                trace ??= relative;
            }
            else if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase))
            {
                context ??= relative;
            }
            else if (extension.Equals(".html", StringComparison.OrdinalIgnoreCase) || extension.Equals(".htm", StringComparison.OrdinalIgnoreCase))
            {
                dom ??= relative;
            }
            else
            {
                continue;
            }

            folder ??= FolderOf(relative);
            shared |= !UsualNames.Contains(Path.GetFileName(relative));
        }

        if (folder is null)
        {
            return null;
        }

        // A test's own folder (test-results/<test>/, files by their usual names) gives the rest of its evidence; a folder
        // shared by many tests (the HTML report's data/, files by hash) gives only what the failure names.
        var indexed = shared ? null : _folders.FirstOrDefault(f => f.Folder == folder);
        return new FailureEvidence(folder, trace ?? indexed?.Trace, dom ?? indexed?.Dom, context ?? indexed?.ErrorContext);
    }

    /// <summary>The names runners give a test's evidence in a folder of its own.</summary>
    private static readonly HashSet<string> UsualNames = new(StringComparer.OrdinalIgnoreCase) { "trace.zip", "error-context.md", "dom.html" };

    /// <summary>True for a path that is rooted or climbs out of the root: an attachment printed by another machine, matched by folder instead.</summary>
    private static bool LeavesRoot(string relative) =>
        Path.IsPathRooted(relative) || relative.Split('/').Contains("..") || (relative.Length > 1 && relative[1] == ':');

    /// <summary>The full path of a file the evidence names.</summary>
    public string FullPath(string relative) => Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar));

    private FailureEvidence? ByAttachments(IReadOnlyList<string> attachments)
    {
        FailureEvidence? best = null;
        var bestScore = 0;
        var tie = false;
        foreach (var attachment in attachments)
        {
            var steps = Steps(Path.GetDirectoryName(attachment.Replace('\\', '/')) ?? string.Empty);
            if (steps.Length == 0)
            {
                continue;
            }

            foreach (var folder in _folders)
            {
                var score = CommonSuffix(steps, Steps(folder.Folder));
                if (score > bestScore)
                {
                    (best, bestScore, tie) = (folder, score, false);
                }
                else if (score == bestScore && score > 0 && !ReferenceEquals(best, folder))
                {
                    tie = true;
                }
            }
        }

        return tie ? null : best;
    }

    private FailureEvidence? ByName(string test)
    {
        if (string.IsNullOrWhiteSpace(test))
        {
            return null;
        }

        // .NET: PraxiShop.E2E.Tests.CartTests.RemovesAnItemAfterConfirming → CartTests.RemovesAnItemAfterConfirming
        // (or the method alone, or the full name); parameterised names keep their arguments out of folder names.
        var bare = test.Split('(')[0].Trim();
        var dotted = _folders.Where(f => Leaf(f.Folder) is var leaf && leaf.Length > 0
            && (bare.Equals(leaf, StringComparison.Ordinal) || bare.EndsWith("." + leaf, StringComparison.Ordinal))).ToList();
        if (dotted.Count > 0)
        {
            // The most specific name wins (Class.Method over Method); two folders of that length are two runs.
            var longest = dotted.Max(f => Leaf(f.Folder).Length);
            var best = dotted.Where(f => Leaf(f.Folder).Length == longest).ToList();
            return best.Count == 1 ? best[0] : null;
        }

        // Playwright: "cart.spec.ts › removes an item after confirming" → cart-removes-an-item-after-confirming-chromium.
        var titles = test.Split('›', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (titles.Length == 0)
        {
            return null;
        }

        var title = Slug(string.Join(' ', titles.Skip(titles.Length > 1 && titles[0].Contains('.', StringComparison.Ordinal) ? 1 : 0)));
        var file = titles.Length > 1 ? Slug(Path.GetFileName(titles[0]).Split('.')[0]) : null;
        if (title.Length < 3)
        {
            return null;
        }

        var matches = _folders.Where(f => Leaf(f.Folder) is var leaf
            && leaf.Contains(title, StringComparison.Ordinal)
            && (file is null || leaf.StartsWith(file, StringComparison.Ordinal))).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private void Index()
    {
        var byFolder = new SortedDictionary<string, (string? Trace, string? Dom, string? Context)>(StringComparer.Ordinal);
        var seen = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = MaxDepth, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(_root, "*", options))
        {
            if (++seen > MaxFiles)
            {
                break;
            }

            var name = Path.GetFileName(file);
            var kind = name switch
            {
                "trace.zip" => 't',
                "error-context.md" => 'e',
                _ when name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) => 'd',
                _ => '\0',
            };
            if (kind == '\0')
            {
                if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && _looseZips.Count < MaxLooseZips)
                {
                    _looseZips.Add(Path.GetRelativePath(_root, file).Replace('\\', '/'));
                }

                continue;
            }

            var folder = Path.GetRelativePath(_root, Path.GetDirectoryName(file)!).Replace('\\', '/');
            var relative = Path.GetRelativePath(_root, file).Replace('\\', '/');
            byFolder.TryGetValue(folder, out var entry);
            entry = kind switch
            {
                't' => entry with { Trace = relative },
                'e' => entry with { Context = relative },

                // dom.html wins over other pages a folder may hold.
                _ => entry.Dom is null || name.Equals("dom.html", StringComparison.OrdinalIgnoreCase) ? entry with { Dom = relative } : entry,
            };
            byFolder[folder] = entry;
        }

        foreach (var (folder, entry) in byFolder)
        {
            _folders.Add(new FailureEvidence(folder, entry.Trace, entry.Dom, entry.Context));
        }
    }

    private static string[] Steps(string path) => path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static string Leaf(string folder) => folder == "." ? string.Empty : Steps(folder)[^1];

    private static int CommonSuffix(string[] a, string[] b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && string.Equals(a[^(n + 1)], b[^(n + 1)], StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>Playwright's folder slug: lower case, runs of other characters become one dash.</summary>
    private static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                sb.Append(ch);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }
}
