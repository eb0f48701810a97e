using System.Text;

namespace Praxi.FixEngine.Patching;

/// <summary>Output files appear whole or not at all: each is written to a temp file beside its target, then all are renamed.</summary>
internal static class AtomicFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes files that belong together: a failure before the renames leaves none of them changed.</summary>
    /// <param name="files">Path and UTF-8 text of each file.</param>
    /// <param name="cancellationToken">Stops before the renames.</param>
    /// <returns>A task.</returns>
    public static async Task WriteAllAsync(IReadOnlyList<(string Path, string Content)> files, CancellationToken cancellationToken)
    {
        var temps = new List<(string Temp, string Full)>();
        try
        {
            foreach (var (path, content) in files)
            {
                var full = Path.GetFullPath(path);
                var dir = Path.GetDirectoryName(full) ?? ".";
                Directory.CreateDirectory(dir);
                var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
                temps.Add((temp, full));
                await File.WriteAllTextAsync(temp, content, Utf8, cancellationToken).ConfigureAwait(false);
            }

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
}
