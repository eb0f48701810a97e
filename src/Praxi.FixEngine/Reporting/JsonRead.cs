using System.Globalization;
using System.Text.Json;

namespace Praxi.FixEngine.Reporting;

/// <summary>
/// Tolerant reads of the snake_case output files: a missing property or one of another kind reads as absent, so a file
/// from an older or newer praxi still renders what it has.
/// </summary>
internal static class JsonRead
{
    /// <summary>The property <paramref name="name"/> of an object, or an undefined element.</summary>
    public static JsonElement Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>A string (numbers and booleans as their JSON text), or null.</summary>
    public static string? Str(this JsonElement element, string name)
    {
        var value = element.Prop(name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>A number, or null.</summary>
    public static double? Num(this JsonElement element, string name)
    {
        var value = element.Prop(name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) ? d : null;
    }

    /// <summary>A boolean, or null.</summary>
    public static bool? Bool(this JsonElement element, string name) => element.Prop(name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>The items of an array (none when it is missing or not an array).</summary>
    public static IReadOnlyList<JsonElement> Arr(this JsonElement element, string name)
    {
        var value = element.Prop(name);
        return value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];
    }

    /// <summary>The strings of an array of strings (other items skipped).</summary>
    public static IReadOnlyList<string> Strings(this JsonElement element, string name) =>
        [.. element.Arr(name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString() ?? string.Empty)];

    /// <summary>True when the element is a JSON object.</summary>
    public static bool IsObject(this JsonElement element) => element.ValueKind == JsonValueKind.Object;

    /// <summary>A confidence or score for a person: two decimals, invariant.</summary>
    public static string Fixed2(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    /// <summary>A locator object (<c>{by, value}</c> or <c>{by: role, role, name}</c>) as one line.</summary>
    public static string Locator(this JsonElement locator)
    {
        if (!locator.IsObject())
        {
            return "–";
        }

        var by = locator.Str("by") ?? "?";
        var value = locator.Str("value");
        if (value is not null)
        {
            return $"{by}={value}";
        }

        var role = locator.Str("role");
        var name = locator.Str("name");
        return role is null ? by : $"{by}={role}" + (name is null ? string.Empty : $" \"{name}\"");
    }
}
