namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>One token of a script: its kind, its span in the decoded text, and its cooked value.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">Start offset in the text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The raw source text.</param>
/// <param name="Value">The cooked value of a string or template text; the raw text otherwise.</param>
internal readonly record struct JsToken(JsTokenKind Kind, int Start, int End, string Text, string Value)
{
    public bool IsPunct(string text) => Kind == JsTokenKind.Punct && Text == text;

    public bool IsName(string text) => Kind == JsTokenKind.Name && Text == text;
}
