using System.IO.Compression;

namespace Praxi.FixEngine;

/// <summary>
/// A run's artifacts as a folder. A folder or a log file is used as it is; a zip that is not itself a Playwright trace
/// (what <c>gh run download</c> or the Actions UI gives, or a zip bundling several traces) is unpacked into a private
/// temporary folder, removed on dispose. The zip comes from outside, so unpacking is bounded — entry count, declared
/// and actual uncompressed bytes — and an entry whose name would leave the folder (<c>../</c>, a rooted path) is
/// refused, all in one line.
/// </summary>
internal sealed class ArtifactFolder : IDisposable
{
    /// <summary>An artifact zip with more entries than this is refused.</summary>
    public const int MaxEntries = 50_000;

    /// <summary>An artifact zip may not unpack to more bytes than this.</summary>
    public const long MaxBytes = 4L * 1024 * 1024 * 1024;

    private readonly string? _temp;

    private ArtifactFolder(string path, string? temp)
    {
        Path = path;
        _temp = temp;
    }

    /// <summary>The folder (or file) to read.</summary>
    public string Path { get; }

    /// <summary>Whether the artifacts came as a zip and were unpacked.</summary>
    public bool Unpacked => _temp is not null;

    /// <summary>Opens <paramref name="path"/>: unpacks an artifact zip (under <paramref name="tempRoot"/>, default the system's temp folder), passes anything else through.</summary>
    /// <exception cref="FixEngineException">The zip is broken, too large, or names a path outside itself.</exception>
    public static ArtifactFolder Open(string path, long maxBytes = MaxBytes, string? tempRoot = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path) || !path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return new ArtifactFolder(path, null);
        }

        using var archive = BoundedZip.Open(path, MaxEntries, "artifact zip");
        if (TraceArchive.IsTrace(archive))
        {
            // A Playwright trace: its readers open it as it is.
            return new ArtifactFolder(path, null);
        }

        var temp = System.IO.Path.Combine(tempRoot ?? System.IO.Path.GetTempPath(), "praxi-artifacts-" + Guid.NewGuid().ToString("N"));
        var root = Directory.CreateDirectory(temp).FullName + System.IO.Path.DirectorySeparatorChar;
        try
        {
            Unpack(archive, path, root, maxBytes);
            return new ArtifactFolder(temp, temp);
        }
        catch
        {
            Remove(temp);
            throw;
        }
    }

    public void Dispose()
    {
        if (_temp is not null)
        {
            Remove(_temp);
        }
    }

    private static void Unpack(ZipArchive archive, string path, string root, long maxBytes)
    {
        var declared = 0L;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
            if (declared > maxBytes)
            {
                throw new FixEngineException($"The artifact zip {path} declares more than {maxBytes} uncompressed bytes; it is refused as a possible zip bomb.");
            }

            var name = entry.FullName.Replace('\\', '/');
            if (name.Length == 0 || name.StartsWith('/') || System.IO.Path.IsPathRooted(name) || name.Split('/').Contains(".."))
            {
                throw new FixEngineException($"The artifact zip {path} has an entry '{Printable(entry.FullName)}' that would leave its folder; it is refused.");
            }

            var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, name));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new FixEngineException($"The artifact zip {path} has an entry '{Printable(entry.FullName)}' that would leave its folder; it is refused.");
            }
        }

        var budget = maxBytes;
        foreach (var entry in archive.Entries)
        {
            var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, entry.FullName.Replace('\\', '/')));
            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                Directory.CreateDirectory(target);
                continue;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            try
            {
                using var input = entry.Open();
                using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                var buffer = new byte[81920];
                int read;
                while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    budget -= read;
                    if (budget < 0)
                    {
                        throw new FixEngineException($"The artifact zip {path} expands to more than {maxBytes} bytes; it is refused as a possible zip bomb.");
                    }

                    output.Write(buffer, 0, read);
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                throw new FixEngineException($"Cannot unpack the artifact zip {path}: '{Printable(entry.FullName)}' is corrupt or duplicated ({ex.Message}).", ex);
            }
        }
    }

    private static string Printable(string name) =>
        new([.. name.Take(200).Select(c => char.IsControl(c) ? '?' : c)]);

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A temporary folder that cannot be removed now is left to the system's temp cleanup.
        }
    }
}
