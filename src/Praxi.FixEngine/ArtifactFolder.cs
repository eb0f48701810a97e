using System.IO.Compression;

namespace Praxi.FixEngine;

/// <summary>
/// A run's artifacts as a folder. A folder or a log file is used as it is; a zip that is not itself a Playwright trace
/// (what <c>gh run download</c> or the Actions UI gives, or a zip bundling several traces) is unpacked into a private
/// temporary folder, removed on dispose. Playwright blob reports (a sharded run's <c>report-N.zip</c>) inside either are
/// unpacked too, each into a folder named after it (a folder that holds them is copied first: the user's is never written). The zip comes from outside, so unpacking is bounded — entry count, declared
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
        if (Directory.Exists(path))
        {
            // A folder is read where it is, unless it holds blob reports (a sharded run's report-N.zip): those are
            // unpacked beside a copy of the folder, so each test's trace under resources/ is a file like any other.
            var blobs = BlobReports(System.IO.Path.GetFullPath(path)).ToList();
            return blobs.Count == 0 ? new ArtifactFolder(path, null) : InTemp(tempRoot, root =>
            {
                var budget = maxBytes - Copy(path, root, blobs, maxBytes);
                UnpackBlobReports(root, budget);
            });
        }

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

        return InTemp(tempRoot, root =>
        {
            var budget = maxBytes - Unpack(archive, path, root, maxBytes);
            UnpackBlobReports(root, budget);
        });
    }

    /// <summary>True when <paramref name="archive"/> is a Playwright blob report: its events (<c>report.jsonl</c>) at the top.</summary>
    public static bool IsBlobReport(ZipArchive archive) =>
        archive.Entries.Any(e => !e.FullName.Contains('/', StringComparison.Ordinal) && e.FullName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase));

    private static ArtifactFolder InTemp(string? tempRoot, Action<string> fill)
    {
        var temp = System.IO.Path.Combine(tempRoot ?? System.IO.Path.GetTempPath(), "praxi-artifacts-" + Guid.NewGuid().ToString("N"));
        var root = Directory.CreateDirectory(temp).FullName + System.IO.Path.DirectorySeparatorChar;
        try
        {
            fill(root);
            return new ArtifactFolder(temp, temp);
        }
        catch
        {
            Remove(temp);
            throw;
        }
    }

    /// <summary>The blob report zips under <paramref name="folder"/> (a few levels deep, as merge jobs lay them out).</summary>
    private static IEnumerable<string> BlobReports(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var zip in Directory.EnumerateFiles(folder, "*.zip", options).Order(StringComparer.Ordinal))
        {
            if (zip.Split(System.IO.Path.DirectorySeparatorChar).Any(SkippedInCopy.Contains))
            {
                continue;
            }

            bool blob;
            try
            {
                using var archive = BoundedZip.Open(zip, MaxEntries, "artifact zip");
                blob = !TraceArchive.IsTrace(archive) && IsBlobReport(archive);
            }
            catch (FixEngineException)
            {
                // A damaged zip that is not a blob report is the readers' business.
                blob = false;
            }

            if (blob)
            {
                yield return zip;
            }
        }
    }

    private static readonly HashSet<string> SkippedInCopy = new(StringComparer.OrdinalIgnoreCase) { "node_modules", ".git", "bin", "obj" };

    /// <summary>Copies <paramref name="folder"/> into <paramref name="root"/> (all but <paramref name="except"/>), within the byte budget; returns the bytes copied.</summary>
    private static long Copy(string folder, string root, List<string> except, long maxBytes)
    {
        var copied = 0L;
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 16, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var source = System.IO.Path.GetFullPath(folder);
        foreach (var file in Directory.EnumerateFiles(source, "*", options))
        {
            var relative = System.IO.Path.GetRelativePath(source, file);
            if (except.Contains(file, StringComparer.Ordinal) || relative.Split(System.IO.Path.DirectorySeparatorChar).Any(SkippedInCopy.Contains))
            {
                continue;
            }

            copied += new FileInfo(file).Length;
            if (copied > maxBytes)
            {
                throw new FixEngineException($"The artifacts folder {folder} holds more than {maxBytes} bytes beside its blob reports; unpack the blob reports (or merge them with `npx playwright merge-reports`) and pass the result.");
            }

            var target = System.IO.Path.Combine(root, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var zip in except)
        {
            var target = System.IO.Path.Combine(root, System.IO.Path.GetRelativePath(source, zip));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(zip, target);
        }

        return copied;
    }

    /// <summary>Unpacks each blob report zip under <paramref name="root"/> (ours) into a folder named after it, and removes the zip.</summary>
    private static void UnpackBlobReports(string root, long budget)
    {
        foreach (var zip in BlobReports(root).ToList())
        {
            var target = Directory.CreateDirectory(zip[..^".zip".Length]).FullName + System.IO.Path.DirectorySeparatorChar;
            using (var archive = BoundedZip.Open(zip, MaxEntries, "blob report"))
            {
                budget -= Unpack(archive, zip, target, budget);
            }

            File.Delete(zip);
        }
    }

    public void Dispose()
    {
        if (_temp is not null)
        {
            Remove(_temp);
        }
    }

    /// <summary>Unpacks <paramref name="archive"/> into <paramref name="root"/>; returns the bytes written.</summary>
    private static long Unpack(ZipArchive archive, string path, string root, long maxBytes)
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

        return maxBytes - budget;
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
