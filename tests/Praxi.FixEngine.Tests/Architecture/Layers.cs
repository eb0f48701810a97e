using System.Globalization;
using System.Text;

namespace Praxi.FixEngine.Tests.Architecture;

/// <summary>
/// The library's layers, bottom to top (docs/architecture.md): a namespace may depend only on namespaces of rows below
/// its own, never on one in its own row or above. The stages are ordered by the flow, and the two rewriters share a row
/// because neither may know the other.
/// </summary>
internal static class Layers
{
    /// <summary>Each row: the layer's name and its namespaces (relative to the library's root; "" is the root itself).</summary>
    public static IReadOnlyList<(string Layer, IReadOnlyList<string> Namespaces)> Rows { get; } =
    [
        ("bottom", [""]),
        ("bottom", ["Contracts"]),
        ("bottom", ["Locators"]),
        ("stage", ["Evidence"]),
        ("stage", ["Logs"]),
        ("stage", ["Judging"]),
        ("stage", ["Classification"]),
        ("stage", ["Analysis"]),
        ("stage", ["Evaluation"]),
        ("stage", ["Healing.Dom"]),
        ("stage", ["Healing.Fingerprints"]),
        ("stage", ["Healing.Baseline"]),
        ("stage", ["Healing"]),
        ("stage", ["Healing.Evaluation"]),
        ("stage", ["Rewriting"]),
        ("stage", ["Rewriting.CSharp", "Rewriting.JavaScript"]),
        ("stage", ["Patching"]),
        ("stage", ["Guardrails"]),
        ("stage", ["Running"]),
        ("stage", ["Validation"]),
        ("stage", ["SelfHeal"]),
        ("stage", ["Reporting"]),
        ("configuration", ["Configuration"]),
        ("top", ["Pipeline"]),
        ("top", ["Pipeline.Sweep"]),
    ];

    /// <summary>The row of a full namespace name, or null when the table does not place it.</summary>
    public static int? RowOf(string fullNamespace)
    {
        var relative = Relative(fullNamespace);
        for (var i = 0; i < Rows.Count; i++)
        {
            if (Rows[i].Namespaces.Contains(relative, StringComparer.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Every dependency that does not point to a lower row, as "From → To (where…)".</summary>
    public static IReadOnlyList<string> Violations(NamespaceGraph graph) =>
        [.. graph.Edges
            .Where(e => RowOf(e.From) is not { } from || RowOf(e.To) is not { } to || to >= from)
            .Select(e => $"{Relative(e.From)} → {Relative(e.To)} ({string.Join("; ", e.Where)})")];

    /// <summary>The dependency table docs/architecture.md shows: every namespace, bottom to top, with what it uses.</summary>
    public static string Table(NamespaceGraph graph)
    {
        var sb = new StringBuilder();
        sb.Append("| layer | namespace | depends on |\n|---|---|---|\n");
        foreach (var (layer, namespaces) in Rows)
        {
            foreach (var ns in namespaces.Where(n => graph.Namespaces.Contains(Full(n))))
            {
                var uses = graph.Edges.Where(e => e.From == Full(ns)).Select(e => e.To)
                    .OrderBy(t => RowOf(t) ?? int.MaxValue).ThenBy(t => t, StringComparer.Ordinal)
                    .Select(t => $"`{Display(Relative(t))}`").ToList();
                sb.Append(CultureInfo.InvariantCulture, $"| {layer} | `{Display(ns)}` | {(uses.Count == 0 ? "—" : string.Join(", ", uses))} |\n");
            }
        }

        return sb.ToString();
    }

    public static string Full(string relative) => relative.Length == 0 ? NamespaceGraph.Root : $"{NamespaceGraph.Root}.{relative}";

    public static string Relative(string full) =>
        full == NamespaceGraph.Root ? string.Empty : full.StartsWith(NamespaceGraph.Root + ".", StringComparison.Ordinal) ? full[(NamespaceGraph.Root.Length + 1)..] : full;

    private static string Display(string relative) => relative.Length == 0 ? NamespaceGraph.Root : relative;
}
