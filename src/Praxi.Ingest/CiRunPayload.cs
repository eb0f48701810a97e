namespace Praxi.Ingest;

/// <summary>
/// A failed CI run as CI ships it: <c>POST /api/ci/logs</c> on CloudAgent, forwarded unchanged to
/// <c>POST /process-logs</c> on DeveloperAgent (the contract in docs/http-api.md). Read and checked by
/// <see cref="CiRunPayloadReader"/>; every name is a safe relative path (<see cref="RunFileNames"/>).
/// </summary>
public sealed record CiRunPayload
{
    /// <summary>The CI run (<c>^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$</c>): the folder <c>logs/&lt;run_id&gt;/</c> and the idempotency key.</summary>
    public required string RunId { get; init; }

    /// <summary><c>owner/name</c>, when given.</summary>
    public string? Repository { get; init; }

    /// <summary>The commit the run tested, when given.</summary>
    public string? CommitSha { get; init; }

    /// <summary>The branch, when given.</summary>
    public string? Branch { get; init; }

    /// <summary>The workflow's name, when given.</summary>
    public string? Workflow { get; init; }

    /// <summary>The job's name, when given.</summary>
    public string? Job { get; init; }

    /// <summary>The job's conclusion (<c>failure</c>, <c>success</c>, …), when given.</summary>
    public string? Conclusion { get; init; }

    /// <summary>Runner output and server logs: text.</summary>
    public IReadOnlyList<CiRunFile> Logs { get; init; } = [];

    /// <summary>Reports, traces, DOM dumps: text or base64.</summary>
    public IReadOnlyList<CiRunFile> Artifacts { get; init; } = [];
}

/// <summary>One file of a run: its relative name and its bytes (decoded from <c>utf-8</c> text or <c>base64</c>).</summary>
/// <param name="Name">Relative path with <c>/</c> separators, checked by <see cref="RunFileNames"/>.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="Encoding"><c>utf-8</c> or <c>base64</c>: how the content travelled.</param>
public sealed record CiRunFile(string Name, ReadOnlyMemory<byte> Content, string Encoding);

/// <summary>One thing wrong with a payload: the field (a JSON path such as <c>logs[2].name</c>) and what is wrong.</summary>
/// <param name="Field">Where, as a JSON path; <c>$</c> for the body itself.</param>
/// <param name="Problem">What, in a few words (<c>required</c>, <c>must be a string</c>, <c>unknown field</c>).</param>
public sealed record PayloadProblem(string Field, string Problem);

/// <summary>The payload when it is valid, else every problem found (never both).</summary>
/// <param name="Payload">The payload, or null when a problem was found.</param>
/// <param name="Problems">Every problem found; empty when the payload is valid.</param>
public sealed record CiRunPayloadResult(CiRunPayload? Payload, IReadOnlyList<PayloadProblem> Problems)
{
    /// <summary>True when the payload was read without a problem.</summary>
    public bool IsValid => Payload is not null && Problems.Count == 0;
}
