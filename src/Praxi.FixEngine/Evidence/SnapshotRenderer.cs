using System.Net;
using System.Text;
using System.Text.Json;

namespace Praxi.FixEngine.Evidence;

/// <summary>
/// Rebuilds the HTML of a frame snapshot (docs/evidence.md#frame-snapshots): strings are text nodes, <c>[NAME, {attrs},
/// ...children]</c> elements, and <c>[[k, i]]</c> stands for node <c>i</c> (post-order, texts and elements, references
/// not counted) of the snapshot <c>k</c> steps earlier in the same frame's list.
/// </summary>
internal sealed class SnapshotRenderer
{
    /// <summary>A rebuilt snapshot larger than this is refused: back-references can expand a small trace a lot.</summary>
    public const int MaxHtmlChars = 32 * 1024 * 1024;

    /// <summary>Deeper DOM levels are left out of the rebuilt page.</summary>
    public const int MaxDepth = 1024;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "AREA", "BASE", "BR", "COL", "EMBED", "HR", "IMG", "INPUT", "LINK", "META", "PARAM", "SOURCE", "TRACK", "WBR",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.OrdinalIgnoreCase) { "STYLE", "SCRIPT" };

    private readonly IReadOnlyDictionary<string, IReadOnlyList<TraceSnapshot>> _frames;
    private readonly Dictionary<TraceSnapshot, List<JsonElement>> _nodes = new(ReferenceEqualityComparer.Instance);

    public SnapshotRenderer(IReadOnlyDictionary<string, IReadOnlyList<TraceSnapshot>> frames) => _frames = frames;

    public string Render(TraceSnapshot snapshot)
    {
        var html = new StringBuilder();
        if (!string.IsNullOrEmpty(snapshot.Doctype))
        {
            html.Append("<!DOCTYPE ").Append(snapshot.Doctype).Append('>');
        }

        Visit(html, snapshot.Html, snapshot, parent: null, depth: 0);
        return html.ToString();
    }

    private void Visit(StringBuilder html, JsonElement node, TraceSnapshot owner, string? parent, int depth)
    {
        if (html.Length > MaxHtmlChars)
        {
            throw new FixEngineException($"The snapshot of call {owner.CallId} ({owner.Phase}) rebuilds to more than {MaxHtmlChars} characters; the trace is refused as hostile or corrupt.");
        }

        if (depth > MaxDepth)
        {
            return;
        }

        switch (node.ValueKind)
        {
            case JsonValueKind.String:
                var text = node.GetString() ?? string.Empty;
                html.Append(parent is not null && RawTextElements.Contains(parent)
                    ? text.Replace("</", "<\\/", StringComparison.Ordinal)
                    : WebUtility.HtmlEncode(text));
                return;
            case JsonValueKind.Array when node.GetArrayLength() > 0:
                var head = node[0];
                if (head.ValueKind == JsonValueKind.String)
                {
                    VisitElement(html, node, head.GetString()!, owner, depth);
                }
                else if (head.ValueKind == JsonValueKind.Array)
                {
                    VisitReference(html, head, owner, parent, depth);
                }

                return;
            default:
                return;
        }
    }

    private void VisitElement(StringBuilder html, JsonElement node, string name, TraceSnapshot owner, int depth)
    {
        if (!IsValidName(name))
        {
            return;
        }

        html.Append('<').Append(name);
        if (node.GetArrayLength() > 1 && node[1].ValueKind == JsonValueKind.Object)
        {
            foreach (var attribute in node[1].EnumerateObject())
            {
                if (!IsValidName(attribute.Name))
                {
                    continue;
                }

                var value = attribute.Value.ValueKind == JsonValueKind.String ? attribute.Value.GetString() : attribute.Value.GetRawText();
                html.Append(' ').Append(attribute.Name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            }
        }

        html.Append('>');
        if (VoidElements.Contains(name))
        {
            return;
        }

        var i = 0;
        foreach (var child in node.EnumerateArray())
        {
            if (i++ >= 2)
            {
                Visit(html, child, owner, name, depth + 1);
            }
        }

        html.Append("</").Append(name).Append('>');
    }

    private void VisitReference(StringBuilder html, JsonElement reference, TraceSnapshot owner, string? parent, int depth)
    {
        if (reference.GetArrayLength() < 2
            || !reference[0].TryGetInt32(out var back)
            || !reference[1].TryGetInt32(out var index)
            || back < 1
            || !_frames.TryGetValue(owner.FrameId, out var frame))
        {
            return;
        }

        var target = owner.Index - back;
        if (target < 0 || target >= frame.Count)
        {
            return;
        }

        var referenced = frame[target];
        var nodes = NodesOf(referenced);
        if (index >= 0 && index < nodes.Count)
        {
            Visit(html, nodes[index], referenced, parent, depth);
        }
    }

    private List<JsonElement> NodesOf(TraceSnapshot snapshot)
    {
        if (!_nodes.TryGetValue(snapshot, out var nodes))
        {
            nodes = [];
            Collect(snapshot.Html, nodes, 0);
            _nodes[snapshot] = nodes;
        }

        return nodes;
    }

    // Post-order, as the recorder numbers them: children before their parent, references neither counted nor entered.
    private static void Collect(JsonElement node, List<JsonElement> nodes, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (node.ValueKind == JsonValueKind.String)
        {
            nodes.Add(node);
        }
        else if (node.ValueKind == JsonValueKind.Array && node.GetArrayLength() > 0 && node[0].ValueKind == JsonValueKind.String)
        {
            var i = 0;
            foreach (var child in node.EnumerateArray())
            {
                if (i++ >= 2)
                {
                    Collect(child, nodes, depth + 1);
                }
            }

            nodes.Add(node);
        }
    }

    private static bool IsValidName(string name) =>
        name.Length > 0 && name.All(c => !char.IsWhiteSpace(c) && c is not ('"' or '\'' or '>' or '/' or '=' or '<' or '`'));
}
