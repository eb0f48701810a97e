namespace Praxi.FixEngine.Contracts;

/// <summary>Names of <see cref="ErrorType"/> values as the contracts spell them.</summary>
public static class ErrorTypes
{
    /// <summary>Every type, <see cref="ErrorType.Unknown"/> last.</summary>
    public static IReadOnlyList<ErrorType> All { get; } =
        [.. Enum.GetValues<ErrorType>().Where(t => t != ErrorType.Unknown), ErrorType.Unknown];

    /// <summary>The contract name (<c>selector_not_found</c>).</summary>
    /// <param name="type">The type.</param>
    /// <returns>The snake_case name.</returns>
    public static string ToName(this ErrorType type) => EnumNames<ErrorType>.Of(type);

    /// <summary>Parses a contract name; false when it is not one.</summary>
    /// <param name="name">A snake_case name such as <c>auth_state</c>.</param>
    /// <param name="type">The type, when the name is known.</param>
    /// <returns>True when the name is a known type.</returns>
    public static bool TryParse(string? name, out ErrorType type) => EnumNames<ErrorType>.TryParse(name, out type);
}
