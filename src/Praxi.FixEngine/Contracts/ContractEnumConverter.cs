using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>
/// Reads and writes a contract enum by its contract name (<see cref="ContractNames"/>), whatever the serializer options;
/// an unknown name (a file from another tool or another version) fails with a message that names it and the allowed ones.
/// </summary>
/// <typeparam name="TEnum">The contract enum.</typeparam>
/// <param name="what">What the value is, for the messages (<c>locator "by"</c>, <c>instruction "kind"</c>).</param>
/// <param name="owner">Whose value it is, for the message about a value that is not a string (<c>a locator's "by"</c>).</param>
internal abstract class ContractEnumConverter<TEnum>(string what, string owner) : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{owner} must be a string, one of {EnumNames<TEnum>.List}");
        }

        var name = reader.GetString();
        return EnumNames<TEnum>.TryParse(name, out var value)
            ? value
            : throw new JsonException($"unknown {what}: \"{name}\" (expected one of {EnumNames<TEnum>.List})");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(EnumNames<TEnum>.Of(value));
    }
}
