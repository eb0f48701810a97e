namespace Praxi.FixEngine.Contracts;

/// <summary>Names of <see cref="LocatorKind"/> values as the contracts spell them (<c>css</c>, <c>test_id</c>, <c>xpath</c>).</summary>
public static class LocatorKinds
{
    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<LocatorKind> All { get; } = Enum.GetValues<LocatorKind>();

    /// <summary>The contract names, comma-separated, for messages that list what is allowed.</summary>
    public static string NameList => EnumNames<LocatorKind>.List;

    /// <summary>The contract name (<c>link_text</c>); the number for a value outside the enum.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The snake_case name.</returns>
    public static string ToName(this LocatorKind kind) => EnumNames<LocatorKind>.Of(kind);

    /// <summary>Parses a contract name (case-insensitive); false when it is not one.</summary>
    /// <param name="name">A name such as <c>test_id</c>.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns>True when the name is a known kind.</returns>
    public static bool TryParse(string? name, out LocatorKind kind) => EnumNames<LocatorKind>.TryParse(name, out kind);
}
