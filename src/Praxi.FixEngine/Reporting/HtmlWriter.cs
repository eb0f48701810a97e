using System.Globalization;
using System.Net;
using System.Text;

namespace Praxi.FixEngine.Reporting;

/// <summary>
/// Builds the page so that input can only ever become text: tag names, class names and attribute names are literals of
/// this assembly, and everything else — text and attribute values — goes through <see cref="WebUtility.HtmlEncode(string)"/>
/// (which encodes <c>&lt; &gt; &amp; " '</c>), inside double-quoted attributes.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _sb = new();

    /// <summary>Markup written by this assembly (never input).</summary>
    public HtmlWriter Markup(string trusted)
    {
        _sb.Append(trusted);
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public HtmlWriter Text(string? text)
    {
        _sb.Append(WebUtility.HtmlEncode(text ?? string.Empty));
        return this;
    }

    /// <summary>An opening tag with optional class and attributes (names are literals, values encoded and quoted).</summary>
    public HtmlWriter Open(string tag, string? cls = null, params (string Name, string Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        if (cls is not null)
        {
            Attribute("class", cls);
        }

        foreach (var (name, value) in attributes)
        {
            Attribute(name, value);
        }

        _sb.Append('>');
        return this;
    }

    /// <summary>A closing tag.</summary>
    public HtmlWriter Close(string tag)
    {
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string? cls, string? text) => Open(tag, cls).Text(text).Close(tag);

    /// <summary>A table cell holding encoded text.</summary>
    public HtmlWriter Cell(string? text, string? cls = null) => Element("td", cls, text);

    /// <summary>A table's header row.</summary>
    public HtmlWriter HeaderRow(params string[] headers)
    {
        Open("thead").Open("tr");
        foreach (var h in headers)
        {
            Element("th", null, h);
        }

        return Close("tr").Close("thead");
    }

    /// <summary>A number as invariant text.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => _sb.ToString();

    private void Attribute(string name, string value) =>
        _sb.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
}
