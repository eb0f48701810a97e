using Praxi.FixEngine.Validation;

namespace Praxi.FixEngine.Tests.Validation;

/// <summary>The temporary copy: a real git worktree (or a plain copy), always removed.</summary>
public sealed class ValidationWorkspaceTests
{
    [Fact]
    public async Task CreateAsync_SubfolderOfAGitCheckoutWithAnUncommittedChange_CopySeesItAndTheUserSeesNothing()
    {
        using var repo = ValidationRepo.Create();
        repo.Write("app/" + ValidationRepo.SpecPath, "changed but not committed\n");
        var state = repo.State();
        string folder;

        await using (var sut = await ValidationWorkspace.CreateAsync(repo.Root, [], keep: false, CancellationToken.None))
        {
            folder = sut.Folder;
            sut.IsWorktree.Should().BeTrue();
            sut.Prefix.Should().Be("app/");
            sut.Read(ValidationRepo.SpecPath).Should().Be("changed but not committed\n");
            File.Exists(Path.Combine(sut.Root, "run.js")).Should().BeTrue();
            repo.Git("worktree", "list").Should().Contain(folder);
        }

        Directory.Exists(folder).Should().BeFalse();
        repo.State().Should().Be(state);
        repo.Git("stash", "list").Should().BeEmpty();
    }

    [Fact]
    public async Task CreateAsync_NodeModulesOfARunnerFolder_AreLinkedAndTheLinkIsRemovedWithoutTouchingTheTarget()
    {
        using var repo = ValidationRepo.Create();
        repo.Write("app/node_modules/pkg/index.js", "module.exports = 1;\n");
        string folder;

        await using (var sut = await ValidationWorkspace.CreateAsync(repo.Root, ["."], keep: false, CancellationToken.None))
        {
            folder = sut.Folder;
            var link = new DirectoryInfo(Path.Combine(sut.Root, "node_modules"));
            link.LinkTarget.Should().Be(Path.Combine(repo.Root, "node_modules"));
            File.Exists(Path.Combine(link.FullName, "pkg", "index.js")).Should().BeTrue();
        }

        Directory.Exists(folder).Should().BeFalse();
        File.Exists(Path.Combine(repo.Root, "node_modules", "pkg", "index.js")).Should().BeTrue();
    }

    [Fact]
    public async Task CreateAsync_NotAGitCheckout_CopiesTheTreeWithoutBuildOutput()
    {
        using var repo = ValidationRepo.Create(git: false);
        repo.Write("app/bin/Debug/app.dll", "binary\n");
        repo.Write("app/test-results/old.json", "{}\n");
        string folder;

        await using (var sut = await ValidationWorkspace.CreateAsync(repo.Root, [], keep: false, CancellationToken.None))
        {
            folder = sut.Folder;
            sut.IsWorktree.Should().BeFalse();
            sut.Read(ValidationRepo.SpecPath).Should().Be(ValidationRepo.Spec);
            Directory.Exists(Path.Combine(sut.Root, "bin")).Should().BeFalse();
            Directory.Exists(Path.Combine(sut.Root, "test-results")).Should().BeFalse();
        }

        Directory.Exists(folder).Should().BeFalse();
    }

    [Fact]
    public async Task DisposeAsync_KeepWorkspace_LeavesTheCopy()
    {
        using var repo = ValidationRepo.Create();

        var sut = await ValidationWorkspace.CreateAsync(repo.Root, [], keep: true, CancellationToken.None);
        await sut.DisposeAsync();

        Directory.Exists(sut.Root).Should().BeTrue();
        repo.Git("worktree", "remove", "--force", Path.Combine(sut.Folder, "repo"));
        Directory.Delete(sut.Folder, recursive: true);
    }
}
