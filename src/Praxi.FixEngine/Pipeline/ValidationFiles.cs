using Praxi.FixEngine.Contracts;

namespace Praxi.FixEngine.Pipeline;

/// <summary>Writes a validated fix's files into an output folder, all or none.</summary>
public static class ValidationFiles
{
    /// <summary>
    /// Writes <c>patch-&lt;run_id&gt;.diff</c> (empty when withheld), <c>metadata-&lt;run_id&gt;.json</c> and, when withheld,
    /// <c>patch-&lt;run_id&gt;.rejected.diff</c> with the real patch; a rejected patch left from an earlier run is removed
    /// when this one was not withheld.
    /// </summary>
    /// <param name="result">The validation result.</param>
    /// <param name="outputFolder">The folder (created when missing).</param>
    /// <param name="cancellationToken">Stops before anything is renamed into place.</param>
    /// <returns>The paths written, patch first.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(ValidationResult result, string outputFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var runId = result.Fix.Metadata.RunId;
        var files = new List<(string Path, string Content)>
        {
            (Path.Combine(outputFolder, $"patch-{runId}.diff"), result.Fix.Patch),
            (Path.Combine(outputFolder, $"metadata-{runId}.json"), FixJson.Serialize(result.Fix.Metadata) + "\n"),
        };
        var rejected = Path.Combine(outputFolder, $"patch-{runId}.rejected.diff");
        if (result.Withheld)
        {
            files.Add((rejected, result.RejectedPatch ?? string.Empty));
        }

        await AtomicFiles.WriteAllAsync(files, cancellationToken).ConfigureAwait(false);
        if (!result.Withheld && File.Exists(rejected))
        {
            File.Delete(rejected);
        }

        return [.. files.Select(f => f.Path)];
    }
}
