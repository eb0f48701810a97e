namespace Praxi.FixEngine.Contracts;

/// <summary>Reads and writes <see cref="FixInstruction.Kind"/> by its contract name; an unknown name fails naming the allowed ones.</summary>
internal sealed class FixKindJsonConverter() : ContractEnumConverter<FixKind>("instruction \"kind\"", "an instruction's \"kind\"");
