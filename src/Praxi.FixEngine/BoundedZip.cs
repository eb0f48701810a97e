using System.Runtime.CompilerServices;
using System.IO.Compression;
using System.Text;

namespace Praxi.FixEngine;

/// <summary>
/// Reading a zip that comes from outside (a trace, an artifact) within limits: entry count, declared and actual
/// uncompressed bytes. Every refusal is one line naming the file.
/// </summary>
internal static class BoundedZip
{
    /// <summary>Opens the archive; refuses one with more than <paramref name="maxEntries"/> entries or that is not a zip.</summary>
    /// <exception cref="FixEngineException">Missing, unreadable, not a zip, or too many entries.</exception>
    public static ZipArchive Open(string path, int maxEntries, string what)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new FixEngineException($"Cannot read the {what} {path}: {ex.Message} Pass a {what} written by Playwright.", ex);
        }

        if (archive.Entries.Count > maxEntries)
        {
            archive.Dispose();
            throw new FixEngineException($"The {what} {path} has more than {maxEntries} entries; it is refused as a possible zip bomb.");
        }

        return archive;
    }

    /// <summary>Opens an archive held in memory (a zip embedded in another file); the same refusals as <see cref="Open(string, int, string)"/>.</summary>
    /// <exception cref="FixEngineException">Not a zip, or too many entries.</exception>
    public static ZipArchive Open(Stream stream, string path, int maxEntries, string what)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new FixEngineException($"Cannot read the {what} {path}: {ex.Message}", ex);
        }

        if (archive.Entries.Count > maxEntries)
        {
            archive.Dispose();
            throw new FixEngineException($"The {what} {path} has more than {maxEntries} entries; it is refused as a possible zip bomb.");
        }

        return archive;
    }

    /// <summary>
    /// The lines of an entry as UTF-8, counting them against <paramref name="budget"/> (shared by the entries of one
    /// archive); refuses when the entry declares or expands to more.
    /// </summary>
    /// <exception cref="FixEngineException">The budget is exceeded, or the entry is corrupt.</exception>
    public static IEnumerable<string> ReadLines(ZipArchiveEntry entry, StrongBox<long> budget, string path, string what)
    {
        if (entry.Length > budget.Value)
        {
            throw new FixEngineException($"The {what} {path} declares more than {budget.Value} uncompressed bytes in '{entry.FullName}'; it is refused as a possible zip bomb.");
        }

        return Lines(entry, budget, path, what);
    }

    private static IEnumerable<string> Lines(ZipArchiveEntry entry, StrongBox<long> budget, string path, string what)
    {
        using var stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (InvalidDataException ex)
            {
                throw new FixEngineException($"Cannot read the {what} {path}: '{entry.FullName}' is corrupt ({ex.Message}).", ex);
            }

            if (line is null)
            {
                yield break;
            }

            budget.Value -= line.Length + 1;
            if (budget.Value < 0)
            {
                throw new FixEngineException($"The {what} {path} expands to more bytes than allowed; it is refused as a possible zip bomb.");
            }

            yield return line;
        }
    }
}
