using System.Text;

namespace Praxi.FixEngine.Rewriting;

/// <summary>
/// Read access to the repository under edit: the original bytes of a file, and its text decoded with the
/// encoding it really has (BOM detected and remembered). Paths are repository-relative with '/' separators;
/// a path that leaves the root (<c>..</c>, absolute, through a symlink) is refused — Guardrails decides on
/// edits, this type makes sure nothing outside the root is even read.
/// </summary>
internal sealed class SourceRepository(string root)
{
    private readonly Dictionary<string, SourceText> _cache = new(StringComparer.Ordinal);
    private List<string>? _allFiles;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The file, or null when it does not exist or lies outside the root.</summary>
    public SourceText? Read(string relativePath)
    {
        if (_cache.TryGetValue(relativePath, out var cached))
        {
            return cached;
        }

        var full = Resolve(relativePath);
        if (full is null || !File.Exists(full))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(full);
        var text = SourceText.Decode(relativePath, bytes);
        _cache[relativePath] = text;
        return text;
    }

    /// <summary>Every file under the root with one of the extensions (for following imports and usages), repository-relative.</summary>
    /// <remarks>The tree is walked once per instance: a plan reads a repository that does not change under it.</remarks>
    public IEnumerable<string> Files(params string[] extensions) =>
        extensions.Length == 0 ? AllFiles() : AllFiles().Where(rel => extensions.Any(e => rel.EndsWith(e, StringComparison.OrdinalIgnoreCase)));

    private List<string> AllFiles()
    {
        if (_allFiles is not null)
        {
            return _allFiles;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*", options))
        {
            var rel = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (!rel.Split('/').Any(p => p is "node_modules" or ".git" or "bin" or "obj"))
            {
                files.Add(rel);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return _allFiles = files;
    }

    /// <summary>The absolute path of a repository-relative path, or null when it would leave the root.</summary>
    public string? Resolve(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }

        // No component may be a symlink: a link inside the repository can point anywhere.
        var current = Root;
        foreach (var part in Path.GetRelativePath(Root, full).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null || Directory.Exists(current) && new DirectoryInfo(current).LinkTarget is not null)
            {
                return null;
            }
        }

        return full;
    }
}

/// <summary>A file's text as decoded, with what is needed to write it back byte-exact outside edited spans.</summary>
/// <param name="Path">Repository-relative path.</param>
/// <param name="Bytes">The original bytes.</param>
/// <param name="Text">The decoded text, BOM excluded.</param>
/// <param name="Encoding">The encoding to write back with (UTF-8 with or without BOM, UTF-16…).</param>
/// <param name="HasBom">True when the file starts with a byte-order mark.</param>
internal sealed record SourceText(string Path, byte[] Bytes, string Text, Encoding Encoding, bool HasBom)
{
    public static SourceText Decode(string path, byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return new SourceText(path, bytes, new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3), new UTF8Encoding(true), true);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return new SourceText(path, bytes, Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), Encoding.Unicode, true);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return new SourceText(path, bytes, Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), Encoding.BigEndianUnicode, true);
        }

        return new SourceText(path, bytes, new UTF8Encoding(false).GetString(bytes), new UTF8Encoding(false), false);
    }

    /// <summary>Encodes <paramref name="text"/> the way this file was encoded (same BOM, same encoding).</summary>
    public byte[] Encode(string text)
    {
        var body = Encoding is UTF8Encoding ? new UTF8Encoding(false).GetBytes(text) : Encoding.GetBytes(text);
        var preamble = HasBom ? Encoding.GetPreamble() : [];
        return [.. preamble, .. body];
    }
}
