using System.Text.Json;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Reading a report's fields when its shape cannot be trusted (the HTML report's data, the blob report's events): a
/// field that is missing or of another type reads as absent, never as an exception.
/// </summary>
internal static class JsonFields
{
    /// <summary>The string field <paramref name="name"/> of an object, or null.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The numeric field <paramref name="name"/> of an object, or 0.</summary>
    public static double Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;

    /// <summary>The integer field <paramref name="name"/> of an object, or 0 (also when it is not a 32-bit integer).</summary>
    public static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : 0;

    /// <summary>The items of the array field <paramref name="name"/> of an object, or none.</summary>
    public static JsonElement[] Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];
}
