using System.Runtime.Versioning;

namespace Praxi.Testing.Tests;

// Unix file modes: the tests make folders without write bits, as a user or git can.
[UnsupportedOSPlatform("windows")]
public sealed class TempFolderTests
{
    [Fact]
    public void Create_TwoFolders_EmptyDistinctFoldersUnderTheProcessRoot()
    {
        using var first = TempFolder.Create("a");
        using var second = TempFolder.Create("a");

        first.Path.Should().NotBe(second.Path);
        Path.GetDirectoryName(first.Path).Should().Be(TempRoot.Path);
        Directory.EnumerateFileSystemEntries(first.Path).Should().BeEmpty();
        Path.GetFileName(first.Path).Should().StartWith("a-");
    }

    [Fact]
    public void Dispose_ReadOnlyFilesFoldersAndAGitRepository_RemovesTheFolder()
    {
        var sut = TempFolder.Create("awkward");
        FillWithAwkwardEntries(sut.Path);
        Directory.EnumerateFiles(sut.Combine("repo", ".git", "objects"), "*", SearchOption.AllDirectories)
            .Should().Contain(f => File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead), "git writes its objects read-only");

        sut.Dispose();

        Directory.Exists(sut.Path).Should().BeFalse();
    }

    [Fact]
    public void Dispose_SymbolicLinkToAFolderOutside_RemovesTheLinkButNotWhatItPointsTo()
    {
        using var outside = TempFolder.Create("outside");
        File.WriteAllText(outside.Combine("package.json"), "{}");
        var sut = TempFolder.Create("links");
        Directory.CreateSymbolicLink(sut.Combine("node_modules"), outside.Path);

        sut.Dispose();

        Directory.Exists(sut.Path).Should().BeFalse();
        File.ReadAllText(outside.Combine("package.json")).Should().Be("{}");
    }

    [Fact]
    public void Dispose_WorktreeOfARepositoryOutside_RemovesItAndPrunesItFromTheRepository()
    {
        using var repo = TempFolder.Create("repo");
        File.WriteAllText(repo.Combine("a.txt"), "a\n");
        GitRunner.Check(repo.Path, "init", "-q");
        GitRunner.Check(repo.Path, "add", "-A");
        GitRunner.Check(repo.Path, "commit", "-q", "-m", "a");
        var sut = TempFolder.Create("worktree");
        GitRunner.Check(repo.Path, "worktree", "add", "-q", "--detach", sut.Combine("copy"), "HEAD");
        GitRunner.Check(repo.Path, "worktree", "list", "--porcelain").Should().Contain(sut.Combine("copy"));

        sut.Dispose();

        Directory.Exists(sut.Path).Should().BeFalse();
        GitRunner.Check(repo.Path, "worktree", "list", "--porcelain").Should().NotContain(sut.Path, "the repository no longer lists the removed worktree");
        Directory.EnumerateDirectories(Path.Combine(repo.Path, ".git")).Should().NotContain(d => Path.GetFileName(d) == "worktrees" && Directory.EnumerateFileSystemEntries(d).Any());
    }

    [Fact]
    public void Dispose_FileStillOpen_DoesNotThrow()
    {
        var sut = TempFolder.Create("open");
        using var open = new FileStream(sut.Combine("held.log"), FileMode.Create, FileAccess.Write, FileShare.None);
        open.WriteByte(1);

        var act = sut.Dispose;

        act.Should().NotThrow();
        if (!OperatingSystem.IsWindows())
        {
            Directory.Exists(sut.Path).Should().BeFalse("an open file does not keep a folder on Unix");
        }
    }

    [Fact]
    public void Dispose_Twice_DoesNothingTheSecondTime()
    {
        var sut = TempFolder.Create();
        sut.Dispose();

        var act = sut.Dispose;

        act.Should().NotThrow();
    }

    [Fact]
    public void MakeWritable_FolderWithoutWriteBits_GetsThemBack()
    {
        using var temp = TempFolder.Create();
        var locked = Directory.CreateDirectory(temp.Combine("locked", "inner")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        File.SetUnixFileMode(temp.Combine("locked"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        FolderRemover.MakeWritable(temp.Path);

        File.GetUnixFileMode(temp.Combine("locked")).Should().HaveFlag(UnixFileMode.UserWrite);
        File.GetUnixFileMode(locked).Should().HaveFlag(UnixFileMode.UserWrite);
    }

    /// <summary>What makes removal hard: a committed git repository (read-only objects), a read-only file in a read-only folder.</summary>
    internal static void FillWithAwkwardEntries(string folder)
    {
        var repo = Directory.CreateDirectory(Path.Combine(folder, "repo")).FullName;
        File.WriteAllText(Path.Combine(repo, "a.txt"), "a\n");
        GitRunner.Check(repo, "init", "-q");
        GitRunner.Check(repo, "add", "-A");
        GitRunner.Check(repo, "commit", "-q", "-m", "a");

        var locked = Directory.CreateDirectory(Path.Combine(folder, "locked")).FullName;
        var file = Path.Combine(locked, "read-only.txt");
        File.WriteAllText(file, "x");
        File.SetAttributes(file, FileAttributes.ReadOnly);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
    }
}
