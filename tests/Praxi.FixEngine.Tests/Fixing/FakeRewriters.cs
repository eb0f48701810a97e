using System.Globalization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Tests.Fixing;

/// <summary>
/// Stand-ins for the real rewriters (a seam these tests are not about): <see cref="Literal"/> replaces the
/// instruction's old literal on its line with the new one; <see cref="Scripted"/> answers whatever the test says.
/// </summary>
internal static class FakeRewriters
{
    public static ICodeRewriter Literal(string extension) => new LiteralRewriter(extension);

    public static ICodeRewriter Scripted(string extension, Func<RewriteRequest, RewriteResult> answer) => new ScriptedRewriter(extension, answer);

    private sealed class LiteralRewriter(string extension) : ICodeRewriter
    {
        public bool Handles(string repoRelativePath) => repoRelativePath.EndsWith(extension, StringComparison.OrdinalIgnoreCase);

        public RewriteResult Rewrite(RewriteRequest request, CancellationToken cancellationToken)
        {
            var i = request.Instruction;
            var source = request.Repository.Read(i.File);
            if (source is null)
            {
                return RewriteResult.NotFound($"{i.File} cannot be read");
            }

            var (old, replacement) = i.Kind == FixKind.RaiseTimeout
                ? (i.OldMs!.Value.ToString(CultureInfo.InvariantCulture), i.NewMs!.Value.ToString(CultureInfo.InvariantCulture))
                : (i.Old!.Value!, i.New!.Value!);
            var text = source.Text;
            var lineStart = 0;
            for (var line = 1; line < (i.Line ?? 1); line++)
            {
                lineStart = text.IndexOf('\n', lineStart) + 1;
            }

            var lineEnd = text.IndexOf('\n', lineStart);
            var at = text.IndexOf(old, lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart, StringComparison.Ordinal);
            if (at < 0)
            {
                return text.Contains(replacement, StringComparison.Ordinal) ? RewriteResult.NoChange("already healed") : RewriteResult.NotFound($"'{old}' is not on line {i.Line}");
            }

            return RewriteResult.Edited([new TextEdit(i.File, at, old.Length, replacement, i.Line ?? 1, i.Kind.ToName())]);
        }

        public string? NewSyntaxProblem(string path, string? before, string after, CancellationToken cancellationToken) => null;
    }

    private sealed class ScriptedRewriter(string extension, Func<RewriteRequest, RewriteResult> answer) : ICodeRewriter
    {
        public bool Handles(string repoRelativePath) => repoRelativePath.EndsWith(extension, StringComparison.OrdinalIgnoreCase);

        public RewriteResult Rewrite(RewriteRequest request, CancellationToken cancellationToken) => answer(request);

        public string? NewSyntaxProblem(string path, string? before, string after, CancellationToken cancellationToken) => null;
    }
}
