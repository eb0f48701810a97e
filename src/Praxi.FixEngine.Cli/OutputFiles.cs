using System.Text;

namespace Praxi.FixEngine.Cli;

/// <summary>Output files appear whole or not at all: written to a temp file beside the target, then renamed.</summary>
internal static class OutputFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAtomicAsync(string path, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, content, Utf8, cancellationToken).ConfigureAwait(false);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Several files that belong together: all are written to temp files first, then renamed, so a failure leaves none half-written.</summary>
    public static Task WriteAllAtomicAsync(IReadOnlyList<(string Path, string Content)> files, CancellationToken cancellationToken) =>
        Patching.AtomicFiles.WriteAllAsync(files, cancellationToken);
}
