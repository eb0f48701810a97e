namespace Praxi.FixEngine.Contracts;

/// <summary>
/// The names the contract files give the values of their closed sets: each enum value's JSON string (its
/// <see cref="System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute"/>, else its name in snake_case), as
/// <see cref="AnalysisJson"/> writes it. <see cref="ErrorTypes"/> and <see cref="LocatorKinds"/> say the same for their enums.
/// </summary>
public static class ContractNames
{
    /// <summary>The value's name in the contract files (<c>RiskClass.TestOnly</c> → <c>test-only</c>).</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>Its JSON string.</returns>
    public static string ToName<TEnum>(this TEnum value)
        where TEnum : struct, Enum => EnumNames<TEnum>.Of(value);

    /// <summary>Reads a contract name back (case-insensitive).</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <param name="name">The JSON string.</param>
    /// <param name="value">The value when the name is known.</param>
    /// <returns>True when <paramref name="name"/> names a value.</returns>
    public static bool TryParse<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum => EnumNames<TEnum>.TryParse(name, out value);

    /// <summary>Every name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <returns>The names.</returns>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => EnumNames<TEnum>.All;
}
