namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>One link of a member chain: a name, called (<c>locator('#x')</c>) when it has parentheses.</summary>
/// <param name="Name">Index of the name token.</param>
/// <param name="Open">Index of <c>(</c>, or -1 for a property access.</param>
/// <param name="Close">Index of <c>)</c>, or -1.</param>
internal sealed record ChainLink(int Name, int Open, int Close)
{
    public bool IsCall => Open >= 0;

    /// <summary>The last token of the link.</summary>
    public int End => IsCall ? Close : Name;
}
