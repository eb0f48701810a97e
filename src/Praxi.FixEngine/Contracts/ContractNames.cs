using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>
/// The names the contract files give the values of their closed sets: each enum value's JSON string (its
/// <see cref="JsonStringEnumMemberNameAttribute"/>, else its name in snake_case), as <see cref="AnalysisJson"/> writes it.
/// </summary>
public static class ContractNames
{
    /// <summary>The value's name in the contract files (<c>RiskClass.TestOnly</c> → <c>test-only</c>).</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its JSON string.</returns>
    public static string ToName<TEnum>(this TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>Reads a contract name back (ordinal, case-insensitive).</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <param name="name">The JSON string.</param>
    /// <param name="value">The value when the name is known.</param>
    /// <returns>True when <paramref name="name"/> names a value.</returns>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ByName.TryGetValue(name ?? string.Empty, out value);

    /// <summary>Every name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.InOrder;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<string> InOrder = [.. Enum.GetValues<TEnum>().Select(NameOf)];

        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, NameOf);

        public static readonly FrozenDictionary<string, TEnum> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        private static string NameOf(TEnum value)
        {
            var field = typeof(TEnum).GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
            return field?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
        }
    }
}
