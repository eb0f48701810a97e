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
    public static async Task WriteAllAtomicAsync(IReadOnlyList<(string Path, string Content)> files, CancellationToken cancellationToken)
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
