namespace Praxi.FixEngine.Contracts;

/// <summary>Reads and writes <see cref="HealOutcome.Status"/> by its contract name; an unknown name fails naming the allowed ones.</summary>
internal sealed class HealStatusJsonConverter() : ContractEnumConverter<HealStatus>("heal \"status\"", "a heal outcome's \"status\"");
