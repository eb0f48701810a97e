namespace Praxi.FixEngine.Rewriting.JavaScript;

/// <summary>A declaration the rewriter followed: where it is and how its other usages can be found.</summary>
/// <param name="Document">The declaring file.</param>
/// <param name="NameToken">Index of the declared name.</param>
/// <param name="Name">The declared name.</param>
/// <param name="ClassName">The class, for a class member; null for a variable.</param>
/// <param name="Exported">True when other modules can import it.</param>
internal sealed record SymbolRef(JsDocument Document, int NameToken, string Name, string? ClassName, bool Exported);
