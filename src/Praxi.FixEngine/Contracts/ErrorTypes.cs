using System.Collections.Frozen;

namespace Praxi.FixEngine.Contracts;

/// <summary>Names of <see cref="ErrorType"/> values as the contracts spell them.</summary>
public static class ErrorTypes
{
    private static readonly FrozenDictionary<ErrorType, string> Names = Enum.GetValues<ErrorType>()
        .ToFrozenDictionary(t => t, ToSnakeCase);

    private static readonly FrozenDictionary<string, ErrorType> Values = Names
        .ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every type, <see cref="ErrorType.Unknown"/> last.</summary>
    public static IReadOnlyList<ErrorType> All { get; } =
        [.. Enum.GetValues<ErrorType>().Where(t => t != ErrorType.Unknown), ErrorType.Unknown];

    /// <summary>The contract name (<c>selector_not_found</c>).</summary>
    /// <param name="type">The type.</param>
    /// <returns>The snake_case name.</returns>
    public static string ToName(this ErrorType type) => Names[type];

    /// <summary>Parses a contract name; false when it is not one.</summary>
    /// <param name="name">A snake_case name such as <c>auth_state</c>.</param>
    /// <param name="type">The type, when the name is known.</param>
    /// <returns>True when the name is a known type.</returns>
    public static bool TryParse(string? name, out ErrorType type) =>
        Values.TryGetValue(name ?? string.Empty, out type);

    private static string ToSnakeCase(ErrorType type)
    {
        var s = type.ToString();
        var chars = new List<char>(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsUpper(s[i]) && i > 0)
            {
                chars.Add('_');
            }

            chars.Add(char.ToLowerInvariant(s[i]));
        }

        return new string([.. chars]);
    }
}
