using Microsoft.CodeAnalysis;

namespace Praxi.FixEngine.Rewriting.CSharp;

/// <summary>One replacement in a parsed file, before it becomes a <see cref="TextEdit"/>.</summary>
internal sealed record PlannedEdit(SyntaxTree Tree, int Start, int Length, string NewText);
