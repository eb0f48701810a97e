using System.Globalization;
using System.Text;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Patching;

/// <summary>
/// Applies the rewriters' edits in memory, per file. Instructions are taken in input order and all-or-nothing:
/// when one edit of a later instruction overlaps a span an earlier instruction already changed, the later
/// instruction is dropped whole and reported as a conflict (an identical edit is merged, not a conflict).
/// </summary>
internal static class EditApplier
{
    public static EditPlan Apply(SourceRepository repository, IReadOnlyList<InstructionEdits> instructions)
    {
        var accepted = new Dictionary<string, List<(TextEdit Edit, int Instruction)>>(StringComparer.Ordinal);
        var conflicts = new List<EditConflict>();
        var rejected = new List<RejectedEdit>();

        foreach (var (index, edits) in instructions)
        {
            if (Invalid(repository, index, edits) is { } bad)
            {
                rejected.Add(bad);
                continue;
            }

            if (SelfOverlap(index, edits) is { } self)
            {
                conflicts.Add(self);
                continue;
            }

            var conflict = default(EditConflict);
            var fresh = new List<TextEdit>();
            foreach (var edit in edits)
            {
                var existing = accepted.TryGetValue(edit.File, out var list) ? list : [];
                if (existing.Any(e => Same(e.Edit, edit)))
                {
                    continue;
                }

                var clash = existing.FirstOrDefault(e => Overlaps(e.Edit, edit));
                if (clash.Edit is not null)
                {
                    conflict = new EditConflict
                    {
                        File = edit.File,
                        Line = edit.Line,
                        Kind = edit.Kind,
                        Instruction = index,
                        ConflictsWith = clash.Instruction,
                        Reason = string.Create(CultureInfo.InvariantCulture, $"overlaps the edit of instruction {clash.Instruction} at {clash.Edit.File}:{clash.Edit.Line}; the later instruction is dropped"),
                    };
                    break;
                }

                fresh.Add(edit);
            }

            if (conflict is not null)
            {
                conflicts.Add(conflict);
                continue;
            }

            foreach (var edit in fresh)
            {
                if (!accepted.TryGetValue(edit.File, out var list))
                {
                    accepted[edit.File] = list = [];
                }

                list.Add((edit, index));
            }
        }

        var files = new List<FileChange>();
        foreach (var (path, edits) in accepted.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var source = repository.Read(path)!;
            var change = Build(source, edits);
            if (!change.IsNoOp)
            {
                files.Add(change);
            }
        }

        return new EditPlan(files, conflicts, rejected);
    }

    private static FileChange Build(SourceText source, List<(TextEdit Edit, int Instruction)> edits)
    {
        var text = source.Text;
        var sb = new StringBuilder(text.Length + 64);
        var applied = new List<AppliedEdit>();
        var pos = 0;
        foreach (var (edit, instruction) in edits.OrderBy(e => e.Edit.Start).ThenBy(e => e.Edit.Length))
        {
            sb.Append(text, pos, edit.Start - pos);
            applied.Add(new AppliedEdit(edit, instruction, text.Substring(edit.Start, edit.Length), sb.Length));
            sb.Append(edit.NewText);
            pos = edit.Start + edit.Length;
        }

        sb.Append(text, pos, text.Length - pos);
        return new FileChange(source.Path, source, sb.ToString(), applied);
    }

    private static RejectedEdit? Invalid(SourceRepository repository, int index, IReadOnlyList<TextEdit> edits)
    {
        foreach (var edit in edits)
        {
            var source = repository.Read(edit.File);
            if (source is null)
            {
                return new RejectedEdit(index, edit, $"the edit targets '{edit.File}', which cannot be read (missing, outside the repository or through a symbolic link)");
            }

            var text = source.Text;
            if (edit.Start < 0 || edit.Length < 0 || edit.Start > text.Length - edit.Length)
            {
                return new RejectedEdit(index, edit, string.Create(CultureInfo.InvariantCulture, $"the edit's span {edit.Start}+{edit.Length} lies outside '{edit.File}' ({text.Length} characters)"));
            }

            if (SplitsPair(text, edit.Start) || SplitsPair(text, edit.Start + edit.Length))
            {
                return new RejectedEdit(index, edit, string.Create(CultureInfo.InvariantCulture, $"the edit's span {edit.Start}+{edit.Length} cuts a surrogate pair in '{edit.File}'"));
            }
        }

        return null;
    }

    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    private static EditConflict? SelfOverlap(int index, IReadOnlyList<TextEdit> edits)
    {
        for (var i = 0; i < edits.Count; i++)
        {
            for (var j = i + 1; j < edits.Count; j++)
            {
                if (string.Equals(edits[i].File, edits[j].File, StringComparison.Ordinal) && Overlaps(edits[i], edits[j]) && !Same(edits[i], edits[j]))
                {
                    return new EditConflict
                    {
                        File = edits[j].File,
                        Line = edits[j].Line,
                        Kind = edits[j].Kind,
                        Instruction = index,
                        Reason = string.Create(CultureInfo.InvariantCulture, $"the instruction's own edits overlap at {edits[i].File}:{edits[i].Line}; it is dropped"),
                    };
                }
            }
        }

        return null;
    }

    private static bool Same(TextEdit a, TextEdit b) =>
        string.Equals(a.File, b.File, StringComparison.Ordinal) && a.Start == b.Start && a.Length == b.Length && string.Equals(a.NewText, b.NewText, StringComparison.Ordinal);

    /// <summary>Spans overlap, or one is an insertion at the other's start (their order would be a guess).</summary>
    private static bool Overlaps(TextEdit a, TextEdit b)
    {
        if (!string.Equals(a.File, b.File, StringComparison.Ordinal))
        {
            return false;
        }

        if (a.Start == b.Start && (a.Length == 0 || b.Length == 0))
        {
            return true;
        }

        return a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;
    }
}

/// <summary>The edits one instruction produced.</summary>
/// <param name="Instruction">0-based index of the instruction in the input.</param>
/// <param name="Edits">Its edits.</param>
internal sealed record InstructionEdits(int Instruction, IReadOnlyList<TextEdit> Edits);

/// <summary>An instruction whose edits could not be applied at all (unreadable file, span out of range).</summary>
internal sealed record RejectedEdit(int Instruction, TextEdit Edit, string Reason);

/// <summary>The edits applied in memory, the conflicts and the rejected instructions.</summary>
internal sealed record EditPlan(IReadOnlyList<FileChange> Files, IReadOnlyList<EditConflict> Conflicts, IReadOnlyList<RejectedEdit> Rejected);
