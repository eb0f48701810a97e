using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>
/// The names the contract files give the members of an enum: <see cref="JsonStringEnumMemberNameAttribute"/> where a
/// member has one, else snake_case — what <see cref="AnalysisJson.Options"/> writes.
/// </summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, NameOf);

    private static readonly FrozenDictionary<string, TEnum> Values = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<TEnum>().Select(v => Names[v])];

    /// <summary>Every name, in declaration order, comma-separated (for messages that list what is allowed).</summary>
    public static string List { get; } = string.Join(", ", All);

    /// <summary>The member's name; the number for a value outside the enum.</summary>
    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a name, ignoring case; false when it names no member.</summary>
    public static bool TryParse(string? name, out TEnum value) => Values.TryGetValue(name ?? string.Empty, out value);

    private static string NameOf(TEnum value) =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
