using Praxi.Ingest;

namespace Praxi.DeveloperAgent;

/// <summary>
/// Where runs live. A run is stored once (idempotent on its id), becomes visible only when complete, and a stored
/// run's answer is replayed byte for byte. The file system is the default (<see cref="FileRunStore"/>); docs/hosts.md
/// describes how the same contract maps onto object storage.
/// </summary>
internal interface IRunStore
{
    /// <summary>The complete run with this id, or null (unknown or incomplete).</summary>
    Task<StoredRun?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="upload"/> unless the run is already complete: then its answer is replayed when the content
    /// is the same, or a conflict is reported. <paramref name="analyze"/> turns the stored folder into analysis JSON.
    /// </summary>
    Task<StoreOutcome> StoreAsync(RunUpload upload, Func<string, CancellationToken, Task<string>> analyze, CancellationToken cancellationToken);

    /// <summary>True when a file can be created and removed in the store (readiness).</summary>
    bool IsWritable();
}

/// <summary>One upload: the payload, its content digest and the optional Idempotency-Key header.</summary>
internal sealed record RunUpload(CiRunPayload Payload, string ContentSha256, string? IdempotencyKey);

/// <summary>A complete run: its digest, key and the answer given when it was stored (exact text).</summary>
internal sealed record StoredRun(string RunId, string ContentSha256, string? IdempotencyKey, string Answer);

/// <summary>What a store did with an upload.</summary>
internal enum StoreStatus
{
    /// <summary>Stored now.</summary>
    Created,

    /// <summary>Already stored with the same content: the stored answer.</summary>
    Replayed,

    /// <summary>Already stored with different content.</summary>
    Conflict,

    /// <summary>Stored files held nothing the analyzer can read; nothing kept.</summary>
    Unanalysable,
}

/// <summary>The outcome and, unless unanalysable, the stored run.</summary>
internal sealed record StoreOutcome(StoreStatus Status, StoredRun? Run);

/// <summary>A write refused for safety (a symlink in the way, a name resolving outside the run).</summary>
internal sealed class RunStoreException(string message) : Exception(message);
