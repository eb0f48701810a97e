using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>Names of <see cref="LocatorKind"/> values as the contracts spell them (<c>css</c>, <c>test_id</c>, <c>xpath</c>).</summary>
public static class LocatorKinds
{
    private static readonly FrozenDictionary<LocatorKind, string> Names = Enum.GetValues<LocatorKind>()
        .ToFrozenDictionary(k => k, ContractName);

    private static readonly FrozenDictionary<string, LocatorKind> Values = Names
        .ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<LocatorKind> All { get; } = Enum.GetValues<LocatorKind>();

    /// <summary>The contract names, comma-separated, for messages that list what is allowed.</summary>
    public static string NameList { get; } = string.Join(", ", Enum.GetValues<LocatorKind>().Select(k => Names[k]));

    /// <summary>The contract name (<c>link_text</c>); the number for a value outside the enum.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The snake_case name.</returns>
    public static string ToName(this LocatorKind kind) =>
        Names.TryGetValue(kind, out var name) ? name : ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a contract name (case-insensitive); false when it is not one.</summary>
    /// <param name="name">A name such as <c>test_id</c>.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns>True when the name is a known kind.</returns>
    public static bool TryParse(string? name, out LocatorKind kind) =>
        Values.TryGetValue(name ?? string.Empty, out kind);

    // The same spelling JsonStringEnumConverter with the contracts' snake_case policy gives.
    private static string ContractName(LocatorKind kind) =>
        typeof(LocatorKind).GetField(kind.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
