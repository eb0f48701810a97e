using AngleSharp.Dom;

namespace Praxi.FixEngine.Healing.Dom;

/// <summary>
/// An element's text: all of it (a run of a shared buffer), normalised, and its own text-node runs (the legacy quoted
/// <c>text=</c> engine compares those). Strings are cut and normalised on first use: most elements of a page are
/// never compared.
/// </summary>
internal sealed class ElementText
{
    private readonly string _source;
    private readonly int _start;
    private readonly int _length;
    private readonly INode? _node;
    private string? _full;
    private string? _normalized;
    private IReadOnlyList<string>? _immediate;

    public ElementText(string source, int start, int length, INode? node)
    {
        _source = source;
        _start = start;
        _length = length;
        _node = node;
    }

    public ElementText(string text, IReadOnlyList<string> immediate)
        : this(text, 0, text.Length, null)
    {
        _immediate = immediate;
    }

    /// <summary>Raw text as a span of the shared buffer.</summary>
    public ReadOnlySpan<char> Span => _source.AsSpan(_start, _length);

    /// <summary>Raw text; regexes run on this.</summary>
    public string Full => _full ??= _start == 0 && _length == _source.Length ? _source : _source.Substring(_start, _length);

    /// <summary>Whitespace-normalised text; strings match this.</summary>
    public string Normalized => _normalized ??= AriaSemantics.Normalize(Full);

    /// <summary>Runs of the element's own adjacent text nodes.</summary>
    public IReadOnlyList<string> Immediate => _immediate ??= ImmediateRuns(_node);

    private static List<string> ImmediateRuns(INode? node)
    {
        var runs = new List<string>();
        if (node is null || (node is IElement element && DomText.SkipsTextMatching(element)))
        {
            return runs;
        }

        var current = new System.Text.StringBuilder();
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            switch (children[i])
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IComment:
                    break;
                default:
                    if (current.Length > 0)
                    {
                        runs.Add(current.ToString());
                        current.Clear();
                    }

                    break;
            }
        }

        if (current.Length > 0)
        {
            runs.Add(current.ToString());
        }

        return runs;
    }
}
