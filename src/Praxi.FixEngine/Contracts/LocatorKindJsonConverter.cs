namespace Praxi.FixEngine.Contracts;

/// <summary>Reads and writes <see cref="LocatorSpec.By"/> by its contract name; an unknown name fails naming the allowed ones.</summary>
internal sealed class LocatorKindJsonConverter() : ContractEnumConverter<LocatorKind>("locator \"by\"", "a locator's \"by\"");
