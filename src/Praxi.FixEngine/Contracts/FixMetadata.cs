using System.Text.Json.Serialization;

namespace Praxi.FixEngine.Contracts;

/// <summary><c>fix-agent/metadata-&lt;run_id&gt;.json</c>: everything a bot needs to open a reviewable pull request (docs/schemas/fix-metadata.schema.json).</summary>
public sealed record FixMetadata
{
    /// <summary>The contract version. <value>The current version is 1.</value></summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>The CI run the instructions came from.</summary>
    public required string RunId { get; init; }

    /// <summary>A branch name for the fix: <c>praxi/fix-&lt;kind&gt;-&lt;run_id&gt;</c>, a valid git ref.</summary>
    public required string SuggestedBranch { get; init; }

    /// <summary>A commit message (subject, blank line, one line per edit); plain text.</summary>
    public required string CommitMessage { get; init; }

    /// <summary>A pull request title; plain text, one line.</summary>
    public required string PrTitle { get; init; }

    /// <summary>A pull request body in markdown: evidence and before/after per edit, the guardrail decisions. Text from logs appears only in code spans.</summary>
    public required string PrBody { get; init; }

    /// <summary>Risk class and score of the patch.</summary>
    public required FixRisk Risk { get; init; }

    /// <summary>The planned edits (also when the guardrails refused them: the patch is then empty).</summary>
    public required IReadOnlyList<FixEdit> Edits { get; init; }

    /// <summary>The guardrails' verdict and every decision.</summary>
    public required GuardrailReport Guardrails { get; init; }

    /// <summary>Whether the patch was validated by rerunning the affected tests.</summary>
    public required FixValidation Validation { get; init; }

    /// <summary>True when an instruction could not be carried out safely and a person must look (see <see cref="ManualReview"/>).</summary>
    public required bool NeedsManualReview { get; init; }

    /// <summary>Instructions that need a person, each with the reason.</summary>
    public IReadOnlyList<ManualReviewItem> ManualReview { get; init; } = [];

    /// <summary>Instructions dropped because an earlier one already changed the same span.</summary>
    public IReadOnlyList<EditConflict> Conflicts { get; init; } = [];
}

/// <summary>One planned edit.</summary>
public sealed record FixEdit
{
    /// <summary>Repository-relative path of the edited file.</summary>
    public required string File { get; init; }

    /// <summary>1-based line of the edit.</summary>
    public required int Line { get; init; }

    /// <summary>The instruction kind that produced it.</summary>
    public required string Kind { get; init; }

    /// <summary>The replaced text.</summary>
    public required string Before { get; init; }

    /// <summary>The new text.</summary>
    public required string After { get; init; }

    /// <summary><c>file:line</c> of the failing call when the edit is at a definition elsewhere.</summary>
    public string? FollowedFrom { get; init; }

    /// <summary><c>file:line</c> of every other usage the edit affects.</summary>
    public IReadOnlyList<string> OtherUsages { get; init; } = [];
}

/// <summary>The validation of a patch: the affected tests rerun on a patched copy of the repository (docs/validation.md).</summary>
public sealed record FixValidation
{
    /// <summary>Status of a patch whose checks and rerun passed.</summary>
    public const string Passed = "passed";

    /// <summary>
    /// Status of a patch that failed a check other than the targeted tests' own progress: it does not apply, parse errors,
    /// assertions lost, another test newly fails, a targeted test is missing from the results or fails before the call the
    /// analysis saw failing.
    /// </summary>
    public const string Failed = "failed";

    /// <summary>Status of a patch whose targeted test still fails at the same call as before (the fix did not work).</summary>
    public const string StillFailing = "still_failing";

    /// <summary>
    /// Status of a patch whose targeted tests got past the call that failed before and now fail at another one (named in
    /// <see cref="ValidatedTest.Failure"/>); <c>validation.on_progressed</c> decides whether the patch is kept.
    /// </summary>
    public const string Progressed = "progressed";

    /// <summary>Status of a validation stopped by a time limit.</summary>
    public const string TimedOut = "timed_out";

    /// <summary>Status of a patch that was not validated (<see cref="Reason"/> says why).</summary>
    public const string NotRun = "not_run";

    /// <summary><c>not_run</c>, <c>passed</c>, <c>progressed</c>, <c>still_failing</c>, <c>failed</c> or <c>timed_out</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The command that ran (arguments joined with spaces, quoted where needed; several runners joined with <c> ; </c>).</summary>
    public string? Command { get; init; }

    /// <summary>Where it ran, relative to the repository root.</summary>
    public string? Cwd { get; init; }

    /// <summary>How long it ran.</summary>
    public long? DurationMs { get; init; }

    /// <summary>The end of its output (capped, secrets masked).</summary>
    public string? OutputTail { get; init; }

    /// <summary>The checks that ran, in order: <c>applies</c>, <c>parses</c>, <c>assertions_intact</c>, <c>target_passes</c>, <c>no_new_failures</c>.</summary>
    public IReadOnlyList<ValidationCheck> Checks { get; init; } = [];

    /// <summary>Why the status is what it is, in one sentence (always set unless passed).</summary>
    public string? Reason { get; init; }

    /// <summary>What the rerun reported for each test it ran.</summary>
    public IReadOnlyList<ValidatedTest> Tests { get; init; } = [];
}

/// <summary>One validation check.</summary>
public sealed record ValidationCheck
{
    /// <summary><c>applies</c>, <c>parses</c>, <c>assertions_intact</c>, <c>target_passes</c> or <c>no_new_failures</c>.</summary>
    public required string Name { get; init; }

    /// <summary>True when the check passed.</summary>
    public required bool Passed { get; init; }

    /// <summary>What was found, in one sentence.</summary>
    public required string Detail { get; init; }
}

/// <summary>One test of a validation rerun.</summary>
public sealed record ValidatedTest
{
    /// <summary>The test's name as the rerun's results name it.</summary>
    public required string Test { get; init; }

    /// <summary>
    /// <c>passed</c>, <c>failed</c> or <c>not_run</c> (a targeted test the results do not mention); a targeted test that
    /// failed is <c>still_failing</c> (at the same call), <c>progressed</c> (past it, failing at another call) or
    /// <c>failed</c> (before it).
    /// </summary>
    public required string Status { get; init; }

    /// <summary>Where and how the rerun failed, for a failed test whose result file says; null otherwise.</summary>
    public ValidatedFailure? Failure { get; init; }
}

/// <summary>The failure a validation rerun reported for one test: where, what, and its type as the classifier types it.</summary>
public sealed record ValidatedFailure
{
    /// <summary>Test source file of the failing call, as the result file names it.</summary>
    public string? File { get; init; }

    /// <summary>1-based line of the failing call (in the patched file).</summary>
    public int? Line { get; init; }

    /// <summary>The failure message's first line.</summary>
    public required string Message { get; init; }

    /// <summary>The failure's type, classified like any analysed failure; null when it was not classified.</summary>
    public ErrorType? ErrorType { get; init; }

    /// <summary>The classifier's confidence in <see cref="ErrorType"/>.</summary>
    public double? Confidence { get; init; }
}

/// <summary>An instruction a person must look at.</summary>
public sealed record ManualReviewItem
{
    /// <summary>0-based index of the instruction in the input.</summary>
    public required int Instruction { get; init; }

    /// <summary>The instruction's kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The instruction's file.</summary>
    public required string File { get; init; }

    /// <summary>The instruction's line.</summary>
    public int? Line { get; init; }

    /// <summary><c>needs_manual_review</c>, <c>not_found</c>, <c>no_rewriter</c>, <c>invalid_instruction</c>, <c>unresolved_path</c>, <c>rejected_edit</c>, <c>rewriter_error</c>, or from validation <c>validation_failed</c> / <c>not_validated</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }
}

/// <summary>How risky a patch is.</summary>
/// <param name="Class">Which kind of file the patch touches, the riskiest one deciding.</param>
/// <param name="Score">In [0, 1]: the class's base plus size and reach (see docs/guardrails.md).</param>
public sealed record FixRisk(RiskClass Class, double Score);

/// <summary>The risk class of a patch (<c>risk.class</c> in the fix metadata).</summary>
public enum RiskClass
{
    /// <summary><c>test-only</c>: test files only.</summary>
    [JsonStringEnumMemberName("test-only")]
    TestOnly,

    /// <summary><c>config</c>: a test-runner or other configuration file.</summary>
    Config,

    /// <summary><c>backend</c>: anything else (application code).</summary>
    Backend,
}

/// <summary>The guardrails' verdict on one patch: allowed only when no decision refused.</summary>
public sealed record GuardrailReport
{
    /// <summary>True when every decision allowed the change.</summary>
    public required bool Allowed { get; init; }

    /// <summary>Every decision, in the order the rules ran.</summary>
    public required IReadOnlyList<GuardrailDecision> Decisions { get; init; }
}

/// <summary>One guardrail decision: which rule looked at what, and what it decided.</summary>
public sealed record GuardrailDecision
{
    /// <summary>The rule: <c>path_inside_repository</c>, <c>path_denylist</c>, <c>path_allowlist</c>, <c>text_file</c>,
    /// <c>max_files</c>, <c>max_changed_lines</c>, <c>max_hunks</c>, <c>assertions_kept</c>, <c>no_skip_added</c>,
    /// <c>no_hard_wait_added</c>, <c>max_timeout_ms</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The file the rule looked at (absent for patch-wide caps).</summary>
    public string? Subject { get; init; }

    /// <summary>The measured value (files, lines, hunks, a timeout in ms).</summary>
    public long? Value { get; init; }

    /// <summary>The policy's limit for <see cref="Value"/>.</summary>
    public long? Limit { get; init; }

    /// <summary>Allowed or refused.</summary>
    public required GuardrailVerdict Verdict { get; init; }

    /// <summary>Why (always present on a refusal).</summary>
    public string? Reason { get; init; }
}

/// <summary>The verdict of one decision.</summary>
public enum GuardrailVerdict
{
    /// <summary>The rule lets the change through.</summary>
    Allowed,

    /// <summary>The rule refuses the change: the patch is empty.</summary>
    Refused,
}

/// <summary>An instruction whose edits were dropped because an earlier instruction already changed the same span.</summary>
public sealed record EditConflict
{
    /// <summary>The file of the dropped edit.</summary>
    public required string File { get; init; }

    /// <summary>1-based line of the dropped edit.</summary>
    public required int Line { get; init; }

    /// <summary>The dropped instruction's kind.</summary>
    public required string Kind { get; init; }

    /// <summary>0-based index of the dropped instruction in the input.</summary>
    public required int Instruction { get; init; }

    /// <summary>0-based index of the instruction that kept the span (absent when the instruction conflicts with itself).</summary>
    public int? ConflictsWith { get; init; }

    /// <summary>What overlapped.</summary>
    public required string Reason { get; init; }
}
