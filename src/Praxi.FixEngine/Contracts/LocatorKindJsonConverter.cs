using System.Text.Json;
using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary>
/// Reads and writes <see cref="LocatorSpec.By"/> by its contract name, whatever the serializer options; an unknown name
/// (a file from another tool) fails with a message that names it and the allowed ones.
/// </summary>
internal sealed class LocatorKindJsonConverter : JsonConverter<LocatorKind>
{
    public override LocatorKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"a locator's \"by\" must be a string, one of {LocatorKinds.NameList}");
        }

        var name = reader.GetString();
        return LocatorKinds.TryParse(name, out var kind)
            ? kind
            : throw new JsonException($"unknown locator \"by\": \"{name}\" (expected one of {LocatorKinds.NameList})");
    }

    public override void Write(Utf8JsonWriter writer, LocatorKind value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToName());
    }
}
