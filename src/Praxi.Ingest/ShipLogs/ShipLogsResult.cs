namespace Praxi.Ingest.ShipLogs;

/// <summary>How a ship-logs run ended: what was sent, where, and what the host answered.</summary>
public sealed record ShipLogsResult
{
    /// <summary>True when the host answered 2xx.</summary>
    public required bool Delivered { get; init; }

    /// <summary>The endpoint without its query: safe to print.</summary>
    public required string Target { get; init; }

    /// <summary>The run id sent.</summary>
    public required string RunId { get; init; }

    /// <summary>Logs in the body.</summary>
    public required int Logs { get; init; }

    /// <summary>Artifacts in the body.</summary>
    public required int Artifacts { get; init; }

    /// <summary>The body's size in bytes.</summary>
    public required long BodyBytes { get; init; }

    /// <summary>The cap the body was fitted under.</summary>
    public required long MaxBytes { get; init; }

    /// <summary>Files not sent because of the cap.</summary>
    public required int Skipped { get; init; }

    /// <summary>Logs sent as their tail only.</summary>
    public required int Truncated { get; init; }

    /// <summary>The last HTTP status, when an answer came.</summary>
    public int? Status { get; init; }

    /// <summary>Attempts made.</summary>
    public required int Attempts { get; init; }

    /// <summary>Why the run was not delivered, one printable line; null when it was.</summary>
    public string? Failure { get; init; }

    /// <summary>Printable lines summarising the analysis the host answered; empty when the answer held none or none came.</summary>
    public IReadOnlyList<string> AnalysisSummary { get; init; } = [];
}
