using System.Globalization;
using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Pipeline;

/// <summary>
/// The fix agent: turns fix instructions into a guarded, reviewable patch. Each instruction goes to the
/// rewriter of its file's language; the edits are applied in memory, diffed, and judged by the guardrails
/// before anything is written. Planning never writes; <see cref="Apply"/> writes only what the guardrails allowed.
/// </summary>
/// <example>
/// <code>
/// var agent = new FixAgent();
/// var fix = await agent.PlanAsync(FixInput.From(report), "/src/shop");
/// File.WriteAllText($"fix-agent/patch-{report.RunId}.diff", fix.Patch);
/// if (fix.Allowed) FixAgent.Apply(fix);
/// </code>
/// </example>
public sealed class FixAgent
{
    private static readonly FixKind[] SelectorKinds = [FixKind.ReplaceSelector, FixKind.NarrowSelector];

    private readonly FixAgentOptions _options;
    private readonly IReadOnlyList<ICodeRewriter> _rewriters;

    /// <summary>Creates an agent with the built-in rewriters; the options are validated once, here.</summary>
    /// <param name="options">Settings, or null for the safe defaults.</param>
    /// <exception cref="FixEngineException">The options are invalid.</exception>
    public FixAgent(FixAgentOptions? options = null)
        : this(options, CodeRewriters.All)
    {
    }

    internal FixAgent(FixAgentOptions? options, IReadOnlyList<ICodeRewriter> rewriters)
    {
        _options = options ?? new FixAgentOptions();
        _options.Validate();
        _rewriters = rewriters;
    }

    /// <summary>Plans the fix for instructions (<see cref="FixInput.From"/> an analysis, or a prepared <c>fix-agent/input.json</c>).</summary>
    /// <param name="input">The instructions.</param>
    /// <param name="repositoryRoot">The checkout of the repository under test.</param>
    /// <param name="cancellationToken">Cancels a long plan.</param>
    /// <returns>The patch and metadata; a guardrail refusal is a result with an empty patch.</returns>
    /// <exception cref="FixEngineException">The repository does not exist or the input is malformed.</exception>
    internal FixResult Plan(FixInput input, string repositoryRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = FixAgent.Prepare(input, repositoryRoot);
        var repository = new SourceRepository(repositoryRoot);
        var preferences = _options.Selectors.ToPreferences();
        var review = new List<ManualReviewItem>();
        var edits = new List<InstructionEdits>();

        for (var i = 0; i < input.Instructions.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var instruction = input.Instructions[i];
            var resolution = i < input.Paths.Count ? input.Paths[i] : null;
            if (resolution is { Resolved: null })
            {
                review.Add(Review(i, instruction, "unresolved_path", resolution.Problem ?? "the file is not in the repository"));
                continue;
            }

            if (Invalid(instruction) is { } problem)
            {
                review.Add(Review(i, instruction, "invalid_instruction", problem));
                continue;
            }

            var rewriter = CodeRewriters.For(instruction.File, _rewriters);
            if (rewriter is null)
            {
                var ext = Path.GetExtension(instruction.File);
                review.Add(Review(i, instruction, "no_rewriter", $"no rewriter for {(ext.Length == 0 ? Path.GetFileName(instruction.File) : ext)}"));
                continue;
            }

            var result = Rewrite(rewriter, new RewriteRequest(repository, instruction, preferences), cancellationToken);
            switch (result.Status)
            {
                case RewriteStatus.Edited when result.Edits.Count > 0:
                    edits.Add(new InstructionEdits(i, result.Edits));
                    break;
                case RewriteStatus.Edited or RewriteStatus.NoChange:
                    break;
                case RewriteStatus.NotFound:
                    review.Add(Review(i, instruction, "not_found", result.Reason ?? "nothing at the location matches the instruction"));
                    break;
                default:
                    review.Add(Review(i, instruction, result.Reason?.StartsWith("the rewriter failed", StringComparison.Ordinal) == true ? "rewriter_error" : "needs_manual_review", result.Reason ?? "the rewriter cannot change this safely"));
                    break;
            }
        }

        var plan = PatchPlanner.Plan(repository, edits, _options.Guardrails);
        review.AddRange(plan.Edits.Rejected.Select(r => Review(r.Instruction, input.Instructions[r.Instruction], "rejected_edit", r.Reason)));
        return new FixResult
        {
            Metadata = Metadata(input, plan, review),
            Patch = plan.Patch,
            RepositoryRoot = repository.Root,
            Changes = plan.Guardrails.Allowed ? [.. plan.Files.Select(f => f.Change)] : [],
        };
    }

    /// <summary>Plans off the calling thread.</summary>
    /// <param name="input">The instructions.</param>
    /// <param name="repositoryRoot">The checkout of the repository under test.</param>
    /// <param name="cancellationToken">Cancels a long plan.</param>
    /// <returns>The patch and metadata.</returns>
    public Task<FixResult> PlanAsync(FixInput input, string repositoryRoot, CancellationToken cancellationToken = default) =>
        Task.Run(() => Plan(input, repositoryRoot, cancellationToken), cancellationToken);

    /// <summary>
    /// Writes the planned files into the repository (each through a temp file and a rename, mode kept) when the
    /// guardrails allowed them; a refused plan writes nothing. Every file is checked first: if one changed since
    /// the plan, nothing is written.
    /// </summary>
    /// <param name="result">A plan of this agent.</param>
    /// <returns>The repository-relative paths written (empty for a refused or empty plan).</returns>
    /// <exception cref="FixEngineException">A file changed since the plan was made.</exception>
    public static IReadOnlyList<string> Apply(FixResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Allowed || result.Changes.Count == 0)
        {
            return [];
        }

        var repository = new SourceRepository(result.RepositoryRoot);
        var targets = new List<(FileChange Change, string Full)>();
        foreach (var change in result.Changes)
        {
            var full = repository.Resolve(change.Path) ?? throw new FixEngineException($"'{change.Path}' no longer resolves inside the repository; plan again.");
            if (!File.Exists(full) || !File.ReadAllBytes(full).AsSpan().SequenceEqual(change.Original.Bytes))
            {
                throw new FixEngineException($"'{change.Path}' changed since the fix was planned; nothing was written. Plan again.");
            }

            targets.Add((change, full));
        }

        foreach (var (change, full) in targets)
        {
            AtomicFiles.ReplaceBytes(full, change.NewBytes());
        }

        return [.. targets.Select(t => t.Change.Path)];
    }

    private static RewriteResult Rewrite(ICodeRewriter rewriter, RewriteRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return rewriter.Rewrite(request, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // One rewriter's bug on one file must not sink the other instructions; it is reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return RewriteResult.ManualReview($"the rewriter failed ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private static string? Invalid(FixInstruction instruction)
    {
        if (!Enum.IsDefined(instruction.Kind))
        {
            return $"unknown instruction kind '{instruction.Kind.ToName()}' (one of {string.Join(", ", ContractNames.All<FixKind>())})";
        }

        if (SelectorKinds.Contains(instruction.Kind) && instruction.New is null)
        {
            return "no healed locator ('new' is missing): run the healer first, or fix the locator by hand";
        }

        if (SelectorKinds.Contains(instruction.Kind) && instruction.Old is null)
        {
            return "the failing locator ('old') is missing";
        }

        if (instruction.Kind == FixKind.RaiseTimeout && instruction.NewMs is not > 0)
        {
            return "raise_timeout needs a positive 'new_ms'";
        }

        return null;
    }

    private static ManualReviewItem Review(int index, FixInstruction instruction, string status, string reason) => new()
    {
        Instruction = index,
        Kind = instruction.Kind.ToName(),
        File = instruction.File,
        Line = instruction.Line,
        Status = status,
        Reason = reason,
    };

    private static FixMetadata Metadata(FixInput input, PatchPlan plan, List<ManualReviewItem> review)
    {
        var applied = plan.Edits.Files
            .SelectMany(f => f.Edits.Select(e => (Edit: new FixEdit
            {
                File = e.Edit.File,
                Line = e.Edit.Line,
                Kind = e.Edit.Kind,
                Before = e.Before,
                After = e.Edit.NewText,
                FollowedFrom = e.Edit.FollowedFrom,
                OtherUsages = e.Edit.OtherUsages ?? [],
            }, e.Instruction)))
            .OrderBy(e => e.Edit.File, StringComparer.Ordinal).ThenBy(e => e.Edit.Line)
            .ToList();
        var edits = applied.Select(a => a.Edit).ToList();
        var kinds = edits.Count > 0 ? edits.Select(e => e.Kind) : input.Instructions.Select(i => i.Kind.ToName());
        review.Sort((a, b) => a.Instruction.CompareTo(b.Instruction));
        return new FixMetadata
        {
            RunId = input.RunId,
            SuggestedBranch = PullRequestText.Branch(input.RunId, kinds),
            CommitMessage = PullRequestText.CommitMessage(input.RunId, edits, plan.Risk),
            PrTitle = PullRequestText.Title(input.RunId, edits, plan.Guardrails.Allowed),
            PrBody = PullRequestText.Body(input.RunId, input.Instructions, applied, plan.Guardrails, plan.Risk, review, plan.Edits.Conflicts),
            Risk = plan.Risk,
            Edits = edits,
            Guardrails = plan.Guardrails,
            Validation = new FixValidation { Status = "not_run" },
            NeedsManualReview = review.Count > 0 || plan.Edits.Conflicts.Count > 0,
            ManualReview = review,
            Conflicts = plan.Edits.Conflicts,
        };
    }

    internal static string Where(FixInstruction i) =>
        i.Line is null ? i.File : string.Create(CultureInfo.InvariantCulture, $"{i.File}:{i.Line}");

    /// <summary>Makes the paths of an input repository-relative (again: a prepared input stays as it is).</summary>
    /// <param name="input">The input.</param>
    /// <param name="repositoryRoot">The repository the paths should point into.</param>
    /// <returns>The prepared input.</returns>
    /// <exception cref="FixEngineException">The repository does not exist.</exception>
    public static FixInput Prepare(FixInput input, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryRoot);
        if (!Directory.Exists(repositoryRoot))
        {
            throw new FixEngineException($"repository '{repositoryRoot}' does not exist or is not a folder; pass the checkout of the repository under test.");
        }

        var problems = new List<string>();
        if (!RunIds.IsValid(input.RunId))
        {
            problems.Add($"run id '{input.RunId}' must match ^[A-Za-z0-9][A-Za-z0-9._-]{{0,127}}$");
        }

        if (input.Instructions is null)
        {
            problems.Add("the instructions are missing");
        }
        else
        {
            problems.AddRange(input.Instructions.Select((i, n) => i is null ? $"instruction {n} is null" : i.File is null ? $"instruction {n} has no file" : null).OfType<string>());
        }

        if (problems.Count > 0)
        {
            throw new FixEngineException($"the fix input is not valid: {string.Join("; ", problems)}.");
        }

        var resolver = new RepositoryPaths(new SourceRepository(repositoryRoot));
        // A prepared input keeps the paths the analysis had, so preparing again changes nothing.
        var earlier = input.Paths ?? [];
        var paths = input.Instructions!
            .Select((i, n) => resolver.Resolve(i.File) with { Original = n < earlier.Count && earlier.Count == input.Instructions!.Count && earlier[n] is { } p ? p.Original : i.File })
            .ToList();
        var instructions = input.Instructions!.Zip(paths, (i, p) => p.Resolved is null ? i : i with { File = p.Resolved }).ToList();
        return input with { Instructions = instructions, Paths = paths };
    }
}
