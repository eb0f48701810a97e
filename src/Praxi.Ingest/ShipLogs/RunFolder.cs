using System.Text;
using Praxi.FixEngine;

namespace Praxi.Ingest.ShipLogs;

/// <summary>
/// A run's files as found under the artifacts folder, sorted into logs and artifacts, with the exact bytes each adds to
/// the body. Names are relative with '/', checked by <see cref="RunFileNames.Problem"/>; symbolic links are never
/// followed (a link is skipped with a warning, whether it points inside the folder or out of it). A top-level
/// <c>analysis.json</c> or <c>run.json</c> is DeveloperAgent's own (its analysis, its run manifest) and is skipped.
/// </summary>
internal static class RunFolder
{
    private static readonly HashSet<string> LogExtensions = new(StringComparer.OrdinalIgnoreCase) { ".log", ".txt", ".out" };
    private static readonly HashSet<string> Videos = new(StringComparer.OrdinalIgnoreCase) { ".webm", ".mp4", ".mov", ".avi", ".mkv" };
    private static readonly HashSet<string> Images = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp" };

    /// <summary>Reads every regular file under <paramref name="folder"/>; files over <paramref name="budget"/> are not read whole.</summary>
    public static IReadOnlyList<RunFileCandidate> Collect(string folder, long budget, List<string> warnings)
    {
        if (!Directory.Exists(folder))
        {
            throw new FixEngineException($"The artifacts folder '{Printable(folder)}' does not exist; pass the folder that holds the run's logs and reports.");
        }

        var root = Path.GetFullPath(folder);
        var found = new List<RunFileCandidate>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(root, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    warnings.Add($"skipped '{Printable(name)}': a symbolic link (links are never followed)");
                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    pending.Push(entry.FullName);
                    continue;
                }

                if (RunFileNames.Problem(name) is { } problem)
                {
                    warnings.Add($"skipped '{Printable(name)}': the name {problem}");
                    continue;
                }

                if (name.Equals("analysis.json", StringComparison.OrdinalIgnoreCase) || name.Equals("run.json", StringComparison.OrdinalIgnoreCase))
                {
                    warnings.Add($"skipped '{name}': the name is reserved for the host's own files");
                    continue;
                }

                if (!names.Add(name))
                {
                    warnings.Add($"skipped '{Printable(name)}': another file has the same name ignoring case");
                    continue;
                }

                if (found.Count >= CiRunPayloadReader.MaxFiles)
                {
                    warnings.Add($"skipped '{Printable(name)}': more than {CiRunPayloadReader.MaxFiles} files");
                    continue;
                }

                found.Add(Read((FileInfo)entry, name, budget, warnings));
            }
        }

        return found;
    }

    /// <summary>A name or path as it may be printed: control characters (terminal escapes) replaced, at most 200 characters.</summary>
    public static string Printable(string text)
    {
        var clean = new StringBuilder(Math.Min(text.Length, 201));
        foreach (var c in text.Take(200))
        {
            clean.Append(char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsSurrogate(c) ? '?' : c);
        }

        return text.Length > 200 ? clean.Append('…').ToString() : clean.ToString();
    }

    private static RunFileCandidate Read(FileInfo file, string name, long budget, List<string> warnings)
    {
        var extension = Path.GetExtension(name);
        var length = file.Length;
        if (length == 0)
        {
            // Never opened: an empty file needs no reading, and FIFOs and device nodes (which .NET reports as empty
            // regular files) would block or never end.
            var isLog = LogExtensions.Contains(extension);
            var encoding = Images.Contains(extension) || Videos.Contains(extension) ? "base64" : "utf-8";
            return new RunFileCandidate(name, file.FullName, isLog, isLog ? int.MaxValue : 3, 0, [], encoding, SkippedHead: 0, Entry(name, 2, encoding));
        }

        if (LogExtensions.Contains(extension))
        {
            // A log is text whatever its bytes: invalid sequences become U+FFFD. Only its tail can be sent when it is
            // larger than the whole body, so only the tail is read.
            var bytes = ReadTail(file, Math.Min(length, budget));
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes));
                warnings.Add($"'{Printable(name)}' is not valid UTF-8: invalid bytes sent as U+FFFD");
            }

            var skipped = length - Math.Min(length, budget);
            return new RunFileCandidate(name, file.FullName, IsLog: true, Rank: int.MaxValue, length, bytes, "utf-8", SkippedHead: skipped, Entry(name, CiRunPayloadWriter.StringValueBytes(bytes), "utf-8"));
        }

        var media = Videos.Contains(extension) ? 0 : Images.Contains(extension) ? 1 : -1;
        if (length > budget)
        {
            // Too large to fit in any body: not read at all.
            return new RunFileCandidate(name, file.FullName, IsLog: false, media < 0 ? 2 : media, length, null, "base64", SkippedHead: 0, long.MaxValue);
        }

        if (media >= 0)
        {
            // Videos and screenshots are base64 whatever their bytes: sized without reading, read only if sent.
            return new RunFileCandidate(name, file.FullName, IsLog: false, media, length, null, "base64", SkippedHead: 0, Entry(name, CiRunPayloadWriter.Base64ValueBytes(length), "base64"));
        }

        // Read once to tell text from binary and to size it, then let go: it is read again only if it is sent.
        var content = File.ReadAllBytes(file.FullName);
        var isText = content.AsSpan().IndexOf((byte)0) < 0 && System.Text.Unicode.Utf8.IsValid(content);
        return isText
            ? new RunFileCandidate(name, file.FullName, IsLog: false, 3, content.LongLength, null, "utf-8", SkippedHead: 0, Entry(name, CiRunPayloadWriter.StringValueBytes(content), "utf-8"))
            : new RunFileCandidate(name, file.FullName, IsLog: false, 2, content.LongLength, null, "base64", SkippedHead: 0, Entry(name, CiRunPayloadWriter.Base64ValueBytes(content.LongLength), "base64"));
    }

    /// <summary>An artifact's bytes, read when it is sent; the same size as when it was planned, or an error.</summary>
    /// <exception cref="FixEngineException">The file changed size since it was collected.</exception>
    public static byte[] Load(RunFileCandidate file)
    {
        if (file.Content is { } content)
        {
            return content;
        }

        if (file.Length == 0)
        {
            return [];
        }

        var bytes = File.ReadAllBytes(file.FullPath);
        if (bytes.LongLength != file.Length)
        {
            throw new FixEngineException($"'{Printable(file.Name)}' changed while ship-logs read it; run it again once the job has stopped writing artifacts.");
        }

        return bytes;
    }

    private static long Entry(string name, long valueBytes, string encoding) => CiRunPayloadWriter.FileBytes(name, valueBytes, encoding);

    private static byte[] ReadTail(FileInfo file, long count)
    {
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var start = Math.Max(0, stream.Length - count);
        stream.Seek(start, SeekOrigin.Begin);
        var bytes = new byte[stream.Length - start];
        stream.ReadExactly(bytes);
        var skip = 0;
        if (start > 0)
        {
            // Start on a code point, not in the middle of one.
            while (skip < bytes.Length && skip < 3 && (bytes[skip] & 0xC0) == 0x80)
            {
                skip++;
            }
        }

        return skip == 0 ? bytes : bytes[skip..];
    }
}
