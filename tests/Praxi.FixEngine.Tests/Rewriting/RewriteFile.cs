namespace Praxi.FixEngine.Tests.Rewriting;

/// <summary>One file of a rewriter case: its text before, and after with <c>[|…|]</c> around each new text (null: the file must stay as it is).</summary>
internal sealed record RewriteFile(string Path, string Before, string? After = null);
