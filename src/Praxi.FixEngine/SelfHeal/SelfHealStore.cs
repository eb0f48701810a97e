using System.Text;
using System.Text.Json;
using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.SelfHeal;

/// <summary>
/// The files of self-heal under <c>&lt;out&gt;/self-heal/</c>, read and written as snake_case JSON like analysis.json.
/// Every write goes to a temp file first and is then renamed, so a reader never sees half a file.
/// </summary>
internal static class SelfHealStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary><c>&lt;out&gt;/self-heal</c>.</summary>
    public static string Folder(string outputFolder) => Path.Combine(Path.GetFullPath(outputFolder), "self-heal");

    /// <summary>The context file.</summary>
    public static string ContextPath(string outputFolder) => Path.Combine(Folder(outputFolder), "context.json");

    /// <summary>The decision file.</summary>
    public static string DecisionPath(string outputFolder) => Path.Combine(Folder(outputFolder), "decision.json");

    /// <summary>The attempt history.</summary>
    public static string AttemptsPath(string outputFolder) => Path.Combine(Folder(outputFolder), "attempts.json");

    /// <summary>The report of a run.</summary>
    public static string ReportPath(string outputFolder, string runId) => Path.Combine(Folder(outputFolder), $"report-{runId}.json");

    /// <summary>Reads a file written by an earlier stage.</summary>
    /// <exception cref="FixEngineException">Missing (says which stage writes it) or not the contract.</exception>
    public static T Read<T>(string path, string writtenBy)
        where T : class
    {
        if (!File.Exists(path))
        {
            throw new FixEngineException($"'{path}' does not exist; run '{writtenBy}' first (with the same --out).");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), AnalysisJson.Options)
                ?? throw new FixEngineException($"'{path}' is empty (JSON null); run '{writtenBy}' again.");
        }
        catch (JsonException ex)
        {
            throw new FixEngineException($"'{path}' is not a valid self-heal file ({ex.Message.Split(". Path")[0]}); run '{writtenBy}' again.", ex);
        }
    }

    /// <summary>The attempts recorded so far (none when the file does not exist).</summary>
    /// <exception cref="FixEngineException">The file exists but is not valid.</exception>
    public static IReadOnlyList<SelfHealAttempt> ReadAttempts(string outputFolder)
    {
        var path = AttemptsPath(outputFolder);
        return File.Exists(path) ? Read<AttemptsFile>(path, "praxi self-heal execute").Attempts : [];
    }

    /// <summary>Replaces the attempt history.</summary>
    public static Task WriteAttemptsAsync(string outputFolder, IReadOnlyList<SelfHealAttempt> attempts, CancellationToken cancellationToken) =>
        WriteAsync(AttemptsPath(outputFolder), new AttemptsFile(attempts), cancellationToken);

    /// <summary>Writes <paramref name="value"/> as JSON, atomically.</summary>
    public static Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        AtomicFiles.WriteAllTextAsync(path, JsonSerializer.Serialize(value, AnalysisJson.Options) + "\n", cancellationToken);

    /// <summary><c>attempts.json</c>.</summary>
    /// <param name="Attempts">Every attempt, oldest first.</param>
    private sealed record AttemptsFile(IReadOnlyList<SelfHealAttempt> Attempts)
    {
        /// <summary>The contract version.</summary>
        public int SchemaVersion { get; init; } = 1;
    }
}
