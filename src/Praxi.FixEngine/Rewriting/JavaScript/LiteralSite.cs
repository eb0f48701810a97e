namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>
/// A literal in a file: a string (quoted, or a template without substitutions), a concatenation of string
/// literals, a regex, a number or a boolean — with its exact span, so an edit replaces just it.
/// </summary>
/// <param name="Document">The file it is in.</param>
/// <param name="First">Index of its first token.</param>
/// <param name="Last">Index of its last token.</param>
/// <param name="Kind">String, regex, number or boolean.</param>
/// <param name="Value">The cooked value (for a regex and a number, the source text).</param>
/// <param name="Quote">The author's quote character (<c>'</c>, <c>"</c> or <c>`</c>) of a string.</param>
internal sealed record LiteralSite(JsDocument Document, int First, int Last, LiteralKind Kind, string Value, char Quote)
{
    public int Start => Document[First].Start;

    public int End => Document[Last].End;

    public string Raw => Document.Text[Start..End];

    public int Line => Document.LineOf(Start);
}
