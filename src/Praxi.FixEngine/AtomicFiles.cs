using System.Text;

namespace Praxi.FixEngine;

/// <summary>
/// Writes output files so that a reader never sees half of one: each file goes to a temporary file beside it, then is
/// renamed over the target. Every file praxi writes (analysis.json, heal.json, the patch and its metadata, self-heal's
/// files, the baseline store, edited test files) goes through here. Text is UTF-8 without a byte order mark.
/// </summary>
public static class AtomicFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes one text file atomically, creating its folder.</summary>
    /// <param name="path">The file.</param>
    /// <param name="content">Its text.</param>
    /// <param name="cancellationToken">Stops before the rename (the temporary file is removed).</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken = default) =>
        WriteAllAsync([(path, content)], cancellationToken);

    /// <summary>
    /// Writes several text files, all or nothing as far as the file system allows: every temporary file is written first,
    /// then all are renamed, so a failure while writing leaves every target as it was.
    /// </summary>
    /// <param name="files">Each file's path and text.</param>
    /// <param name="cancellationToken">Stops before the renames (the temporary files are removed).</param>
    /// <returns>A task that completes when every file is in place.</returns>
    public static async Task WriteAllAsync(IReadOnlyList<(string Path, string Content)> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var temps = new List<(string Temp, string Full)>();
        try
        {
            foreach (var (path, content) in files)
            {
                var full = Path.GetFullPath(path);
                var temp = TempBeside(full);
                temps.Add((temp, full));
                await File.WriteAllTextAsync(temp, content, Utf8, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (temp, full) in temps)
            {
                File.Move(temp, full, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temp, _) in temps.Where(t => File.Exists(t.Temp)))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Replaces an existing file's bytes atomically, keeping its Unix file mode (an edited script stays executable).</summary>
    internal static void ReplaceBytes(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var temp = TempBeside(full);
        try
        {
            File.WriteAllBytes(temp, bytes);
            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

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

    private static string TempBeside(string full)
    {
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }
}
