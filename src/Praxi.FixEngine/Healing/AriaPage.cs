using Praxi.FixEngine.Evidence;
using Praxi.FixEngine.Healing.Dom;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing;

/// <summary>
/// The page a test failed on as its <c>error-context.md</c> shows it: the ARIA page snapshot (docs/evidence.md#aria-snapshots),
/// read when the failure left no DOM (no trace snapshot, no DOM dump). It holds roles, accessible names, texts, values,
/// link targets and placeholders, nested as the page nests them — no tags, ids, classes, test ids or DOM paths — and it
/// was taken when the test's context closed, not at the failing call. Parsed once; candidates fingerprinted once.
/// </summary>
internal sealed class AriaPage
{
    /// <summary>What <see cref="Contracts.HealEvidence.Snapshot"/> says for a heal from this page.</summary>
    public const string SnapshotName = "aria snapshot";

    /// <summary>A larger error-context.md is not read: Playwright's own are a few hundred kilobytes at most.</summary>
    private const long MaxBytes = 16 * 1024 * 1024;

    // The roles whose inline text in the snapshot is the control's value, not text the user reads on the page.
    private static readonly HashSet<string> ValueRoles = new(StringComparer.Ordinal) { "textbox", "searchbox", "spinbutton", "slider", "combobox" };

    // Content-named roles whose element is mostly an <input>: a leaf of these shows its label as its name, not its text.
    private static readonly HashSet<string> InputLikeRoles = new(StringComparer.Ordinal) { "checkbox", "radio", "switch" };

    // The entries whose edge bounds an element's neighbour words, as a DOM fingerprint's stop at the section's edge.
    private static readonly HashSet<string> Sections = new(StringComparer.Ordinal)
    {
        "main", "region", "form", "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
        "article", "group", "listitem", "row", "list", "table",
    };

    private IReadOnlyList<AriaCandidate>? _candidates;

    private AriaPage(string source, IReadOnlyList<AriaElement> elements)
    {
        Source = source;
        Elements = elements;
    }

    /// <summary>The evidence file, relative to the artifacts.</summary>
    public string Source { get; }

    /// <summary>Every entry, text runs aside, in document order (also those inside frames).</summary>
    public IReadOnlyList<AriaElement> Elements { get; }

    /// <summary>The folder's <c>error-context.md</c> page snapshot; null when there is none, it is empty, or the file is too large.</summary>
    public static AriaPage? Load(FailureEvidence evidence, Func<string, string> fullPath)
    {
        if (evidence.ErrorContext is null)
        {
            return null;
        }

        var file = new FileInfo(fullPath(evidence.ErrorContext));
        if (!file.Exists || file.Length > MaxBytes)
        {
            return null;
        }

        var snapshot = AriaSnapshotParser.ParseErrorContext(File.ReadAllText(file.FullName));
        return snapshot is null ? null : FromSnapshot(evidence.ErrorContext, snapshot);
    }

    /// <summary>A page from a parsed snapshot; null when it has no entries.</summary>
    public static AriaPage? FromSnapshot(string source, AriaSnapshot snapshot)
    {
        var elements = new List<AriaElement>();
        var words = new List<string>();
        Build(snapshot.Nodes, null, string.Empty, elements, words);
        if (elements.Count == 0)
        {
            return null;
        }

        // The words around an element, as a DOM fingerprint has them: up to ten before and after it, outside it and
        // inside its section (the nearest landmark, region, form, group, list or list item, row or table).
        var around = FingerprintOptions.Default.NeighborWords;
        foreach (var element in elements)
        {
            var (low, high) = element.Ancestors().FirstOrDefault(a => Sections.Contains(a.Role))?.Words ?? (0, words.Count);
            var (start, end) = element.Words;
            var from = Math.Max(low, start - around);
            var before = words.Skip(from).Take(start - from);
            var after = words.Skip(end).Take(Math.Min(around, high - end));
            var text = string.Join(' ', before.Concat(after));
            element.NeighborText = text.Length == 0 ? null : text;
        }

        return new AriaPage(source, elements);
    }

    /// <summary>
    /// The entries a locator on the page can reach (not inside a frame), fingerprinted with what the snapshot shows: role
    /// (none for <c>generic</c>, as a DOM fingerprint has it), accessible name, its own text (<see cref="AriaElement.OwnText"/>), value, placeholder, link target,
    /// neighbour words, <c>[aria-hidden]</c>; the path of roles stands in the XPath's place as the candidate's id.
    /// </summary>
    public IReadOnlyList<AriaCandidate> Candidates(FingerprintOptions options) => _candidates ??= [.. Elements
        .Where(e => !e.InFrame)
        .Select(e => new AriaCandidate(e, new ElementProps
        {
            Tag = ElementFingerprints.AnyTag,
            Role = e.Role is "generic" ? null : e.Role,
            AccessibleName = e.Name is { Length: > 0 } name ? name : null,
            Text = Cap(e.OwnText, options.MaxTextLength),
            VisibleText = Cap(e.OwnText, options.MaxTextLength),
            Value = e.Value,
            Placeholder = e.Node.Props.GetValueOrDefault("placeholder"),
            Href = e.Node.Url,
            NeighborText = e.NeighborText,
            XPath = e.Path,
            Hidden = e.Hidden,
        }))];

    private static string? Cap(string text, int max) => text.Length == 0 ? null : text.Length <= max ? text : text[..max].TrimEnd();

    private static void Build(IReadOnlyList<AriaNode> nodes, AriaElement? parent, string parentPath, List<AriaElement> elements, List<string> words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Role == "text")
            {
                Words(node.Text, words);
                continue;
            }

            var n = counts[node.Role] = counts.GetValueOrDefault(node.Role) + 1;
            var path = $"{parentPath}/{node.Role}[{n}]";
            var element = new AriaElement(node, parent, path, elements.Count);
            elements.Add(element);
            var start = words.Count;
            var isValue = ValueRoles.Contains(node.Role);
            if (isValue)
            {
                // A field shows its value inline, or as a text run beside its /placeholder.
                var value = AriaSemantics.Normalize(node.Text ?? string.Join(' ', node.Children.Where(c => c.Role == "text").Select(c => c.Text)));
                element.Value = value.Length == 0 ? null : value;
            }
            else
            {
                Words(node.Text, words);
                element.OwnText = AriaSemantics.Normalize(string.Join(' ', node.Children.Where(c => c.Role == "text").Select(c => c.Text).Prepend(node.Text)));
            }

            Build(isValue ? [.. node.Children.Where(c => c.Role != "text")] : node.Children, element, path, elements, words);
            var text = string.Join(' ', words.Skip(start).Take(words.Count - start));
            if (text.Length == 0 && node.Children.Count == 0 && element.Name is { Length: > 0 } name
                && AriaSemantics.TakesNameFromContent(node.Role) && !InputLikeRoles.Contains(node.Role))
            {
                // A leaf button, link or heading: the snapshot writes its text only as its name.
                Words(name, words);
                text = element.OwnText = name;
            }

            element.Text = text;
            element.Words = (start, words.Count);
        }
    }

    private static void Words(string? text, List<string> words)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        words.AddRange(AriaSemantics.Normalize(text).Split(' '));
    }
}
