using System.Diagnostics;

namespace Praxi.Testing.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class TempRootTests
{
    [Fact]
    public async Task ProcessExit_FoldersNeverDisposed_TheProcessRootIsGoneAfterwards()
    {
        using var parent = TempFolder.Create("parent");
        var environment = new Dictionary<string, string> { [TempRoot.ParentVariable] = parent.Path };

        var child = await ChildProcess.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [typeof(Program).Assembly.Location, "leave"], parent.Path, environment);

        child.ExitCode.Should().Be(0, child.ToString());
        var root = child.Stdout.Trim();
        Path.GetDirectoryName(root).Should().Be(parent.Path, "the child's root lies under the parent it was given");
        Directory.Exists(root).Should().BeFalse("the child removed its root, and the forgotten git repository in it, when it exited");
        Directory.Exists(parent.Path).Should().BeFalse("the parent the child emptied goes with it");
    }

    [Fact]
    public void RemoveAbandoned_RootOfAProcessThatNoLongerRuns_RemovedAndLiveOnesKept()
    {
        using var parent = TempFolder.Create("parent");
        var deadPid = ExitedProcessId();
        var abandoned = Directory.CreateDirectory(Path.Combine(parent.Path, $"{deadPid}-abandoned", "t-1")).FullName;
        TempFolderTests.FillWithAwkwardEntries(abandoned);
        var live = Directory.CreateDirectory(Path.Combine(parent.Path, $"{Environment.ProcessId}-live")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(parent.Path, "not-a-root")).FullName;

        TempRoot.RemoveAbandoned(parent.Path);

        Directory.Exists(Path.Combine(parent.Path, $"{deadPid}-abandoned")).Should().BeFalse();
        Directory.Exists(live).Should().BeTrue("this process still runs");
        Directory.Exists(other).Should().BeTrue("only folders named like a process's root are touched");
    }

    private static int ExitedProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
