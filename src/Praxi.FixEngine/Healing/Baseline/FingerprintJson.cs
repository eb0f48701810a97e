using System.Text.Json;
using Praxi.FixEngine.Healing.Fingerprints;

namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>
/// An <see cref="ElementProps"/> as a JSON object with the snake_case keys of the relocation format
/// (<c>tag</c>, <c>visible_text</c>, <c>idxpath</c>…) plus <c>role</c>, <c>accessible_name</c>, <c>test_id</c>,
/// <c>aria_label</c>, <c>label</c> and <c>hidden</c>. Unknown properties are left out, never written as null.
/// </summary>
internal static class FingerprintJson
{
    public static void Write(Utf8JsonWriter writer, ElementProps props)
    {
        writer.WriteStartObject();
        writer.WriteString("tag", props.Tag);
        String(writer, "id", props.Id);
        String(writer, "class", props.Class);
        String(writer, "name", props.Name);
        String(writer, "type", props.Type);
        String(writer, "value", props.Value);
        String(writer, "placeholder", props.Placeholder);
        String(writer, "title", props.Title);
        String(writer, "alt", props.Alt);
        String(writer, "href", props.Href);
        String(writer, "text", props.Text);
        String(writer, "visible_text", props.VisibleText);
        String(writer, "neighbor_text", props.NeighborText);
        String(writer, "neighbor_text_above", props.NeighborTextAbove);
        String(writer, "neighbor_text_below", props.NeighborTextBelow);
        String(writer, "neighbor_text_left", props.NeighborTextLeft);
        String(writer, "neighbor_text_right", props.NeighborTextRight);
        String(writer, "xpath", props.XPath);
        String(writer, "idxpath", props.IdXPath);
        String(writer, "role", props.Role);
        String(writer, "accessible_name", props.AccessibleName);
        String(writer, "test_id", props.TestId);
        String(writer, "aria_label", props.AriaLabel);
        String(writer, "label", props.Label);
        if (props.Hidden is { } hidden)
        {
            writer.WriteBoolean("hidden", hidden);
        }

        Number(writer, "x", props.X);
        Number(writer, "y", props.Y);
        Number(writer, "width", props.Width);
        Number(writer, "height", props.Height);
        Number(writer, "area", props.Area);
        Number(writer, "shape", props.Shape);
        if (props.IsButton is { } isButton)
        {
            writer.WriteBoolean("is_button", isButton);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a fingerprint object; null when it has no <c>tag</c> (the caller names the entry).</summary>
    public static ElementProps? Read(JsonElement json) => ElementProps.TryRead(json);

    private static void String(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } n)
        {
            writer.WriteNumber(name, n);
        }
    }
}
