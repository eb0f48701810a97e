using System.Runtime.CompilerServices;
using System.Text;
using Praxi.FixEngine.Patching;
using Praxi.FixEngine.Rewriting;

namespace Praxi.FixEngine.Tests;

/// <summary>A throwaway repository folder with real git: write files, commit them, apply patches. Disposing removes it.</summary>
internal sealed class TestRepo : IDisposable
{
    private readonly TempFolder _folder;

    private TestRepo(TempFolder folder) => _folder = folder;

    public string Root => _folder.Path;

    public static TestRepo Create() => new(TempFolder.Create("repo"));

    public TestRepo With(string path, string text) => WithBytes(path, new UTF8Encoding(false).GetBytes(text));

    public TestRepo WithBytes(string path, byte[] bytes)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public SourceRepository Source() => new(Root);

    public byte[] Bytes(string path) => File.ReadAllBytes(Path.Combine(Root, path));

    /// <summary>git init + commit of everything (the shared git settings keep bytes as they are).</summary>
    public TestRepo Commit()
    {
        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "originals");
        return this;
    }

    /// <summary>Runs <c>git apply</c> with the patch; returns exit code and stderr.</summary>
    public (int Code, string Error) Apply(string patch, bool check)
    {
        using var patchFolder = TempFolder.Create("patch");
        var file = patchFolder.Combine("patch.diff");
        File.WriteAllBytes(file, new UTF8Encoding(false).GetBytes(patch));
        return check ? Run("apply", "--check", "-v", file) : Run("apply", "-v", file);
    }

    public string Git(params string[] args)
    {
        var (code, error) = Run(args);
        code.Should().Be(0, $"git {string.Join(' ', args)} failed: {error}");
        return error;
    }

    public void Dispose() => _folder.Dispose();

    private (int Code, string Error) Run(params string[] args)
    {
        var result = GitRunner.Run(Root, args);
        return (result.ExitCode, result.Stderr + result.Stdout);
    }
}

/// <summary>Compares a large output with the <c>*.approved.txt</c> file beside the calling test; writes <c>*.received.txt</c> on a mismatch.</summary>
internal static class Approvals
{
    public static void Verify(string actual, string name, [CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller)!;
        var approved = Path.Combine(dir, $"{name}.approved.txt");
        var received = Path.Combine(dir, $"{name}.received.txt");
        var expected = File.Exists(approved) ? File.ReadAllText(approved) : null;
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        actual.Should().Be(expected, $"the output must match {approved} (see {received}; copy it over when the change is intended)");
    }
}

/// <summary>Builds rewriter edits by finding text in a repository file (what a rewriter would compute).</summary>
internal static class Edits
{
    public static TextEdit Replace(TestRepo repo, string path, string find, string replace, string kind = "replace_selector", int occurrence = 0)
    {
        var text = SourceText.Decode(path, repo.Bytes(path)).Text;
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(find, start + 1, StringComparison.Ordinal);
            start.Should().BeGreaterThanOrEqualTo(0, $"'{find}' (occurrence {i}) must be in {path}");
        }

        var line = text[..start].Count(c => c == '\n') + 1;
        return new TextEdit(path, start, find.Length, replace, line, kind);
    }

    public static InstructionEdits Instruction(int index, params TextEdit[] edits) => new(index, edits);
}
