using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Praxi.FixEngine;
using Praxi.FixEngine.Contracts;
using Praxi.Ingest;

namespace Praxi.DeveloperAgent;

/// <summary>
/// Runs on the local file system: <c>&lt;root&gt;/logs/&lt;run_id&gt;/&lt;name&gt;</c>, <c>analysis.json</c> and the
/// marker <c>run.json</c> (digest, key, files, the answer). A run is written in a staging folder
/// (<c>logs/.staging/&lt;run_id&gt;.&lt;guid&gt;/</c>: every file through a temp file, fsync and rename, the marker
/// last, every folder fsynced) and then renamed to <c>logs/&lt;run_id&gt;</c> in one step, so
/// <c>logs/&lt;run_id&gt;/</c> never shows a partial run. A run folder without its marker is incomplete: invisible to
/// reads and replaced by the next upload. One process owns a root (the per-run lock is in-process; staging
/// leftovers are removed at start).
/// </summary>
internal sealed class FileRunStore : IRunStore
{
    /// <summary>The marker, written last: a run folder without it is incomplete.</summary>
    public const string MarkerName = "run.json";

    /// <summary>The analysis, beside the logs.</summary>
    public const string AnalysisName = "analysis.json";

    private const string StagingName = ".staging";
    private const string TempPrefix = ".praxi-tmp-";

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly KeyedLock _locks = new();
    private readonly int _maxLineBytes;

    /// <summary>Opens (and creates) the store under <paramref name="root"/>; removes staging leftovers.</summary>
    /// <exception cref="FixEngineException">The folder cannot be created or written.</exception>
    public FileRunStore(string root, int maxLineBytes)
    {
        _maxLineBytes = maxLineBytes;
        try
        {
            Root = Path.GetFullPath(root);
            Logs = Path.Combine(Root, "logs");
            Staging = Path.Combine(Logs, StagingName);
            Directory.CreateDirectory(Staging);
            foreach (var leftover in Directory.EnumerateFileSystemEntries(Staging))
            {
                DeleteEntry(leftover);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new FixEngineException($"Storage__Root '{root}' cannot be used: {ex.Message}", ex);
        }

        if (!IsWritable())
        {
            throw new FixEngineException($"Storage__Root '{root}' is not writable.");
        }
    }

    /// <summary>The storage root (holds <c>logs/</c>).</summary>
    public string Root { get; }

    /// <summary><c>&lt;root&gt;/logs</c>.</summary>
    public string Logs { get; }

    /// <summary><c>&lt;root&gt;/logs/.staging</c>.</summary>
    public string Staging { get; }

    /// <summary>Locks currently held or awaited (for tests: none once requests finish).</summary>
    internal int LockCount => _locks.Count;

    /// <inheritdoc />
    public async Task<StoredRun?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(runId))
        {
            return null;
        }

        using (await _locks.AcquireAsync(runId, cancellationToken).ConfigureAwait(false))
        {
            return ReadComplete(Path.Combine(Logs, runId));
        }
    }

    /// <inheritdoc />
    public async Task<StoreOutcome> StoreAsync(RunUpload upload, Func<string, CancellationToken, Task<string>> analyze, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(analyze);
        var payload = upload.Payload;
        if (!RunIds.IsValid(payload.RunId))
        {
            throw new RunStoreException("The run id is not valid.");
        }

        using (await _locks.AcquireAsync(payload.RunId, cancellationToken).ConfigureAwait(false))
        {
            var final = Path.Combine(Logs, payload.RunId);
            if (ReadComplete(final) is { } existing)
            {
                return new StoreOutcome(existing.ContentSha256 == upload.ContentSha256 ? StoreStatus.Replayed : StoreStatus.Conflict, existing);
            }

            if (Path.Exists(final) || new FileInfo(final).LinkTarget is not null)
            {
                // Incomplete (or not ours): it is redone from this upload.
                DeleteEntry(final);
            }

            var staging = Path.Combine(Staging, $"{payload.RunId}.{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            var committed = false;
            try
            {
                var manifest = new Manifest { RunId = payload.RunId, ContentSha256 = upload.ContentSha256, IdempotencyKey = upload.IdempotencyKey };
                foreach (var file in payload.Logs.Concat(payload.Artifacts))
                {
                    var content = file.Content;
                    var truncated = 0;
                    if (file.Encoding == "utf-8")
                    {
                        content = RunContent.TruncateLines(content, _maxLineBytes, out truncated);
                    }

                    WriteFile(staging, file.Name, content.Span);
                    manifest.Files.Add(new ManifestFile(file.Name, content.Length, Convert.ToHexStringLower(SHA256.HashData(content.Span)), truncated));
                }

                string analysis;
                try
                {
                    analysis = await analyze(staging, cancellationToken).ConfigureAwait(false);
                }
                catch (FixEngineException)
                {
                    return new StoreOutcome(StoreStatus.Unanalysable, null);
                }

                WriteFile(staging, AnalysisName, System.Text.Encoding.UTF8.GetBytes(analysis));
                var answer = JsonNode.Parse(analysis)!.AsObject();
                answer["storage"] = new JsonObject
                {
                    ["folder"] = $"logs/{payload.RunId}",
                    ["files"] = manifest.Files.Count,
                    ["bytes"] = manifest.Files.Sum(f => f.Bytes),
                    ["truncated_lines"] = manifest.Files.Sum(f => f.TruncatedLines),
                    ["max_line_bytes"] = _maxLineBytes,
                    ["content_sha256"] = upload.ContentSha256,
                };
                manifest.Answer = answer.ToJsonString(ManifestJson);
                WriteFile(staging, MarkerName, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson));
                FlushTree(staging);
                Directory.Move(staging, final);
                committed = true;
                DirectorySync.Flush(Logs);
                return new StoreOutcome(StoreStatus.Created, new StoredRun(payload.RunId, upload.ContentSha256, upload.IdempotencyKey, manifest.Answer));
            }
            finally
            {
                if (!committed)
                {
                    DeleteEntry(staging);
                }
            }
        }
    }

    /// <inheritdoc />
    public bool IsWritable()
    {
        var probe = Path.Combine(Staging, TempPrefix + "probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes <paramref name="name"/> under <paramref name="folder"/>: resolved by <see cref="RunFileNames.Resolve"/>,
    /// refused when any existing component below the folder is a symlink, through an exclusively created temp file in
    /// the same folder (write, fsync, rename without overwriting), then the folder is fsynced.
    /// </summary>
    /// <exception cref="RunStoreException">A symlink or a file is in the way.</exception>
    internal static void WriteFile(string folder, string name, ReadOnlySpan<byte> content)
    {
        string path;
        try
        {
            path = RunFileNames.Resolve(folder, name);
        }
        catch (FixEngineException ex)
        {
            throw new RunStoreException(ex.Message);
        }

        var root = Path.GetFullPath(folder);
        if (new DirectoryInfo(root).LinkTarget is not null)
        {
            throw new RunStoreException("The run folder is a symlink.");
        }

        var current = root;
        var segments = name.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            current = Path.Combine(current, segments[i]);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null)
            {
                throw new RunStoreException("A folder of the name is a symlink.");
            }

            if (File.Exists(current))
            {
                throw new RunStoreException("A folder of the name is a file.");
            }

            if (!info.Exists)
            {
                Directory.CreateDirectory(current);
            }
        }

        if (new FileInfo(path).LinkTarget is not null || Path.Exists(path))
        {
            throw new RunStoreException("The file exists already.");
        }

        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: false);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        DirectorySync.Flush(directory);
    }

    private static void FlushTree(string folder)
    {
        foreach (var directory in Directory.EnumerateDirectories(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            DirectorySync.Flush(directory);
        }

        DirectorySync.Flush(folder);
    }

    private static StoredRun? ReadComplete(string folder)
    {
        if (!Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
        {
            return null;
        }

        var marker = Path.Combine(folder, MarkerName);
        var info = new FileInfo(marker);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(marker), ManifestJson);
            return manifest is { Answer.Length: > 0 } ? new StoredRun(manifest.RunId, manifest.ContentSha256, manifest.IdempotencyKey, manifest.Answer) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes a file, a symlink (never what it points at) or a folder tree.</summary>
    private static void DeleteEntry(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || File.Exists(path))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private sealed class Manifest
    {
        public int SchemaVersion { get; set; } = 1;

        public string RunId { get; set; } = string.Empty;

        public string ContentSha256 { get; set; } = string.Empty;

        public string? IdempotencyKey { get; set; }

        public List<ManifestFile> Files { get; set; } = [];

        public string Answer { get; set; } = string.Empty;
    }

    private sealed record ManifestFile(string Name, long Bytes, string Sha256, int TruncatedLines);
}
