using System.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Guardrails;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Pipeline;

/// <summary>Edits → files patched in memory → diffs → guardrails → the patch text (empty on a refusal). Writes nothing.</summary>
internal static class PatchPlanner
{
    public static PatchPlan Plan(SourceRepository repository, IReadOnlyList<InstructionEdits> edits, GuardrailPolicy policy)
    {
        var applied = EditApplier.Apply(repository, edits);
        var files = applied.Files
            .Select(f => (f, UnifiedDiff.Create(f.Path, f.Original.Text, f.NewText, f.Original.HasBom && f.Original.Encoding is UTF8Encoding)))
            .ToList();

        // Unreadable targets are judged too: a rewriter that names '../x' must show up as a refusal, not vanish.
        var paths = applied.Files.Select(f => f.Path).Concat(applied.Rejected.Select(r => r.Edit.File)).ToList();
        var report = new GuardrailEvaluator(policy).Evaluate(repository, paths, files);
        var patch = report.Allowed ? UnifiedDiff.Render(files.Select(f => f.Item2)) : string.Empty;
        return new PatchPlan(applied, files, report, GuardrailEvaluator.Risk(files), patch);
    }
}

/// <summary>A planned patch.</summary>
/// <param name="Edits">The edits as applied in memory, with conflicts and rejections.</param>
/// <param name="Files">Each changed file with its diff.</param>
/// <param name="Guardrails">The guardrails' decisions.</param>
/// <param name="Risk">Risk class and score.</param>
/// <param name="Patch">The unified diff; empty when the guardrails refused or nothing changed.</param>
internal sealed record PatchPlan(EditPlan Edits, IReadOnlyList<(FileChange Change, FileDiff Diff)> Files, GuardrailReport Guardrails, FixRisk Risk, string Patch);
