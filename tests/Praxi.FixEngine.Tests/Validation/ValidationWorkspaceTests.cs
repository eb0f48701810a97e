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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CreateAsync_NestedNpmProject_ItsNodeModulesIsALinkAndTheUserTreeIsUnchanged(bool git)
    {
        using var repo = ValidationRepo.Create(git: false);
        repo.Write("app/src/App/package.json", """{ "name": "app", "version": "1.0.0", "dependencies": { "left-pad": "1.3.0" } }""" + "\n");
        repo.Write("app/src/App/package-lock.json", """{ "name": "app", "lockfileVersion": 3, "packages": { "node_modules/left-pad": { "version": "1.3.0" } } }""" + "\n");
        repo.Write("app/src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        repo.Write("app/src/App/node_modules/left-pad/package.json", """{ "name": "left-pad", "version": "1.3.0" }""" + "\n");
        repo.Write("app/src/App/node_modules/left-pad/node_modules/inner/index.js", "module.exports = 2;\n");
        if (git)
        {
            repo.Git("init", "-q");
            repo.Git("add", "-A");
            repo.Git("commit", "-q", "-m", "initial");
        }

        var before = Snapshot(repo.Root);
        var state = git ? repo.State() : string.Empty;

        await using (var sut = await ValidationWorkspace.CreateAsync(repo.Root, ["."], keep: false, CancellationToken.None))
        {
            var link = new DirectoryInfo(Path.Combine(sut.Root, "src", "App", "node_modules"));
            link.LinkTarget.Should().Be(Path.Combine(repo.Root, "src", "App", "node_modules"));
            File.Exists(Path.Combine(link.FullName, "left-pad", "package.json")).Should().BeTrue();
            sut.Read("src/App/package-lock.json").Should().Be(repo.Read("app/src/App/package-lock.json"));
            NodeModules(sut.Root).Should().Equal(["src/App/node_modules"], "the nested folder is linked once, and nothing inside it is linked again");
        }

        Snapshot(repo.Root).Should().Equal(before);
        if (git)
        {
            repo.State().Should().Be(state);
        }
    }

    /// <summary>The <c>node_modules</c> entries of a tree, links not followed.</summary>
    private static List<string> NodeModules(string root, string relative = "")
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(root, relative)))
        {
            var child = relative.Length == 0 ? Path.GetFileName(dir) : relative + "/" + Path.GetFileName(dir);
            if (Path.GetFileName(dir) == "node_modules")
            {
                found.Add(child);
            }
            else if (new DirectoryInfo(dir).LinkTarget is null && Path.GetFileName(dir) != ".git")
            {
                found.AddRange(NodeModules(root, child));
            }
        }

        return found;
    }

    /// <summary>Every file of the user's tree (links not followed into) with its bytes, and every link with its target.</summary>
    private static List<string> Snapshot(string root) =>
        [.. Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(p => !p.Replace('\\', '/').Contains("/.git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new FileInfo(p) is { LinkTarget: { } target } ? $"{p} -> {target}"
                : File.Exists(p) ? $"{p} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))}" : p)];

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
