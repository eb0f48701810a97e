using AngleSharp.Dom;
using Praxi.FixEngine.Healing.Dom;

namespace Praxi.FixEngine.Healing.Fingerprints;

/// <summary>
/// Element fingerprints (<see cref="ElementProps"/>): from an element of a rebuilt page, for every element worth
/// scoring on a page, and — as far as it tells — from a locator alone. The relocator scores a page's candidates
/// against a fingerprint; a baseline stores the fingerprint a locator's element had while the test passed.
/// </summary>
internal static partial class ElementFingerprints
{
    /// <summary>The snapshot marker on the element(s) a traced call resolved to.</summary>
    public const string TargetMarker = "__playwright_target__";

    /// <summary>The fingerprint of one element of a page (in the document or an open shadow root of it).</summary>
    /// <exception cref="ArgumentException">The element belongs to no document.</exception>
    public static ElementProps FromElement(IElement element, FingerprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        var document = element.Owner ?? throw new ArgumentException("The element belongs to no document.", nameof(element));
        options ??= FingerprintOptions.Default;
        var index = Index(document, options);
        var entry = index.Find(element) ?? throw new ArgumentException("The element is not part of the rendered page (inside a template or detached).", nameof(element));
        return Props(entry, options);
    }

    /// <summary>
    /// The elements of a page worth scoring, each with its fingerprint, in document order: the body's descendants and
    /// the content of open shadow roots, without scripts, styles, templates, line breaks, metadata and SVG internals.
    /// </summary>
    public static IReadOnlyList<DomCandidate> Candidates(IDocument document, FingerprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= FingerprintOptions.Default;
        var index = Index(document, options);
        var candidates = new List<DomCandidate>(index.Entries.Count);
        foreach (var entry in index.Entries)
        {
            if (entry.IsCandidate)
            {
                candidates.Add(new DomCandidate(entry.Element, Props(entry, options)));
            }
        }

        return candidates;
    }

    /// <summary>
    /// The elements of a page that carry Playwright's <see cref="TargetMarker"/> for <paramref name="callId"/>, with their
    /// fingerprints. The marker's value is empty (trace format v10: only the snapshotted call marks), the call id
    /// (<c>call@12</c>, formats v4–v8, where the marks of earlier calls stay on their elements) or the snapshot's name
    /// (<c>action@call@8</c>, format v3); several space-separated values are read one by one.
    /// </summary>
    public static IReadOnlyList<DomCandidate> MarkedTargets(IDocument document, string? callId = null, FingerprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= FingerprintOptions.Default;
        var index = Index(document, options);
        return [.. index.Entries.Where(e => MarksCall(e.Element.GetAttribute(TargetMarker), callId)).Select(e => new DomCandidate(e.Element, Props(e, options)))];
    }

    /// <summary>Whether a <see cref="TargetMarker"/> value marks the element for <paramref name="callId"/> (any call when null).</summary>
    internal static bool MarksCall(string? marker, string? callId)
    {
        if (marker is null)
        {
            return false;
        }

        var values = marker.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return callId is null || values.Length == 0
            || values.Any(v => v == callId || v.EndsWith("@" + callId, StringComparison.Ordinal));
    }

    private static DomIndex Index(IDocument document, FingerprintOptions options) =>
        DomIndex.Build(document, options.MaxTextLength);

    private static ElementProps Props(DomIndex.Entry entry, FingerprintOptions options)
    {
        var e = entry.Element;
        var tag = e.NamespaceUri is null || e.NamespaceUri == NamespaceNames.HtmlUri ? e.LocalName.ToUpperInvariant() : e.LocalName;
        var text = Cap(entry.Text, options.MaxTextLength);
        var visible = ReferenceEquals(entry.VisibleText, entry.Text) ? text : Cap(entry.VisibleText, options.MaxTextLength);
        return new ElementProps
        {
            Tag = tag,
            Id = Attr(e, "id"),
            Class = Classes(e),
            Name = Attr(e, "name"),
            Type = TypeOf(e),
            Value = ValueOf(e),
            Placeholder = Attr(e, "placeholder"),
            Title = Attr(e, "title"),
            Alt = Attr(e, "alt"),
            Href = Attr(e, "href"),
            Text = text,
            VisibleText = visible,
            NeighborText = Neighbors(entry, options.NeighborWords),
            XPath = entry.XPath,
            IdXPath = entry.IdXPath,
            Role = Blank(AriaSemantics.Role(e)),
            AccessibleName = Blank(AriaSemantics.AccessibleName(e)),
            TestId = TestIdOf(e, options.TestIdAttributes),
            AriaLabel = Attr(e, "aria-label"),
            Label = Blank(AriaSemantics.LabelText(e)),
            Hidden = entry.Hidden,
        };
    }

    private static string? TestIdOf(IElement e, IReadOnlyList<string> attributes)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (Attr(e, attributes[i]) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? Attr(IElement e, string name) => Blank(e.GetAttribute(name)?.Trim());

    private static string? Blank(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static string? Cap(string text, int max)
    {
        if (text.Length <= max && (text.Length == 0 || (text[0] != ' ' && text[^1] != ' ')))
        {
            return Blank(text);
        }

        var trimmed = text.Trim();
        if (trimmed.Length > max)
        {
            trimmed = trimmed[..max].TrimEnd();
        }

        return Blank(trimmed);
    }

    /// <summary>Class names separated by single spaces; snapshot markers are not classes of the page.</summary>
    private static string? Classes(IElement e)
    {
        if (e.GetAttribute("class") is not { } value)
        {
            return null;
        }

        if (!value.Contains("__playwright", StringComparison.Ordinal) && !value.Contains("  ", StringComparison.Ordinal)
            && value.Trim().Length == value.Length && !value.AsSpan().ContainsAny("\t\n\r\f"))
        {
            return Blank(value);
        }

        var names = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(c => !c.StartsWith("__playwright", StringComparison.Ordinal));
        return Blank(string.Join(' ', names));
    }

    /// <summary>The <c>type</c> property as a browser reports it: <c>text</c> for an input without one, <c>submit</c> for a button, <c>select-one</c>.</summary>
    private static string? TypeOf(IElement e)
    {
        var type = Attr(e, "type")?.ToLowerInvariant();
        return e.LocalName switch
        {
            "input" => type ?? "text",
            "button" => type is "button" or "reset" or "submit" ? type : "submit",
            "select" => e.HasAttribute("multiple") ? "select-multiple" : "select-one",
            "textarea" => "textarea",
            _ => type,
        };
    }

    /// <summary>
    /// The live value of a form control (the snapshot's <c>__playwright_value_</c>) or a <c>value</c> attribute.
    /// Never for passwords and hidden inputs: a baseline is committed and shared, and these hold secrets and tokens.
    /// </summary>
    private static string? ValueOf(IElement e)
    {
        if (e.LocalName == "input" && TypeOf(e) is "password" or "hidden")
        {
            return null;
        }

        return e.LocalName is "input" or "textarea" or "select" or "button" or "option"
            ? Blank(AriaSemantics.ControlValue(e))
            : Attr(e, "value");
    }

    /// <summary>
    /// Words around the element: the heading, label or legend before it in its section, then up to
    /// <paramref name="words"/> words of visible text before and after it (siblings first, then the parent's siblings,
    /// up to the section's edge).
    /// </summary>
    private static string? Neighbors(DomIndex.Entry entry, int words)
    {
        var before = new List<Word>(words);
        var after = new List<Word>(words);
        Collect(entry, words, before, backwards: true);
        Collect(entry, words, after, backwards: false);
        before.Reverse();

        if (entry.Heading is { } h && !h.Contains(entry))
        {
            var heading = new List<Word>(words);
            TakeWords(h.VisibleText, words, fromEnd: false, heading);
            if (!heading.TrueForAll(w => before.Exists(w.SameAs) || after.Exists(w.SameAs)))
            {
                before.InsertRange(0, heading);
            }
        }

        before.AddRange(after);
        if (before.Count == 0)
        {
            return null;
        }

        var sb = new System.Text.StringBuilder();
        foreach (var word in before)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(word.Text, word.Start, word.Length);
        }

        return sb.ToString();
    }

    private const int MaxClimb = 3;

    /// <summary>Words of the visible texts beside the element, nearest first, climbing to the parent's siblings within the section.</summary>
    private static void Collect(DomIndex.Entry entry, int words, List<Word> into, bool backwards)
    {
        var current = entry;
        for (var climb = 0; climb <= MaxClimb && into.Count < words && current.Parent is { } parent; climb++)
        {
            var siblings = parent.Children;
            var at = current.IndexInParent >= 0 ? current.IndexInParent : siblings.IndexOf(current);
            for (var i = backwards ? at - 1 : at + 1; i >= 0 && i < siblings.Count && into.Count < words; i += backwards ? -1 : 1)
            {
                var text = siblings[i] switch
                {
                    string s => parent.Invisible ? string.Empty : s,
                    DomIndex.Entry sibling => sibling.VisibleText,
                    _ => string.Empty,
                };
                TakeWords(text, words - into.Count, backwards, into);
            }

            if (parent.IsSection)
            {
                break;
            }

            current = parent;
        }
    }

    /// <summary>Adds up to <paramref name="max"/> space-separated words of <paramref name="text"/>, from its start or (nearest first) from its end.</summary>
    private static void TakeWords(string text, int max, bool fromEnd, List<Word> into)
    {
        var taken = 0;
        if (fromEnd)
        {
            var end = text.Length;
            for (var i = text.Length - 1; i >= -1 && taken < max; i--)
            {
                if (i == -1 || text[i] == ' ')
                {
                    if (end - i > 1)
                    {
                        into.Add(new Word(text, i + 1, end - i - 1));
                        taken++;
                    }

                    end = i;
                }
            }
        }
        else
        {
            var start = 0;
            for (var i = 0; i <= text.Length && taken < max; i++)
            {
                if (i == text.Length || text[i] == ' ')
                {
                    if (i - start > 0)
                    {
                        into.Add(new Word(text, start, i - start));
                        taken++;
                    }

                    start = i + 1;
                }
            }
        }
    }

    /// <summary>A word inside a text, kept as a span until the neighbour text is built.</summary>
    private readonly record struct Word(string Text, int Start, int Length)
    {
        public bool SameAs(Word other) => Text.AsSpan(Start, Length).SequenceEqual(other.Text.AsSpan(other.Start, other.Length));
    }
}
