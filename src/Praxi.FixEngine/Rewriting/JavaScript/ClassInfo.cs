namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>A class declaration: its name token, the <c>{</c> of its body, and its base class name.</summary>
internal readonly record struct ClassInfo(JsDocument Document, int NameToken, int Body, string? BaseName)
{
    public string Name => NameToken >= 0 ? Document[NameToken].Text : "class";
}
