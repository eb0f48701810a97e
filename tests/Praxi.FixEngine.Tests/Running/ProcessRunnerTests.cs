using System.Globalization;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Tests.Running;

public sealed class ProcessRunnerTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task RunAsync_ExitCodeAndOutput_AreReported()
    {
        var dir = _temp.Subfolder();

        var outcome = await ProcessRunner.RunAsync(["bash", "-c", "echo out; echo err >&2; exit 3"], dir, Minute);

        outcome.ExitCode.Should().Be(3);
        outcome.Succeeded.Should().BeFalse();
        outcome.TimedOut.Should().BeFalse();
        outcome.StartError.Should().BeNull();
        outcome.OutputTail.Split('\n').Should().BeEquivalentTo("out", "err");
        outcome.Describe().Should().Be("exit 3");
    }

    [Fact]
    public async Task RunAsync_HostileArguments_ReachTheProgramVerbatimAndRunNothing()
    {
        var dir = _temp.Subfolder();
        string[] hostile = ["$(touch pwned)", "; touch pwned2", "`touch pwned3`", "a\"b'c", "&& rm -rf ."];

        var outcome = await ProcessRunner.RunAsync(["node", "-e", "for (const a of process.argv.slice(1)) console.log(a)", .. hostile], dir, Minute);

        outcome.ExitCode.Should().Be(0);
        outcome.OutputTail.Split('\n').Should().Equal(hostile);
        Directory.GetFiles(dir).Should().BeEmpty("no shell read the arguments");
    }

    [Fact]
    public async Task RunAsync_OverTheTimeLimit_KillsTheWholeTree()
    {
        var dir = _temp.Subfolder();
        var pidFile = Path.Combine(dir, "child.pid");
        File.WriteAllText(Path.Combine(dir, "tree.sh"), "sleep 300 &\necho $! > child.pid\nwait\n");

        var outcome = await ProcessRunner.RunAsync(["bash", "tree.sh"], dir, TimeSpan.FromSeconds(1));

        outcome.TimedOut.Should().BeTrue();
        outcome.ExitCode.Should().BeNull();
        outcome.Describe().Should().Be("timed out");
        outcome.OutputTail.Should().Contain("killed after 1 s");
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
        await WaitUntilGoneAsync(child);
        (Directory.Exists($"/proc/{child}") && !IsZombie(child)).Should().BeFalse("the grandchild 'sleep 300' is part of the tree and was killed");
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProcessAndSaysTimedOut()
    {
        var dir = _temp.Subfolder();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var outcome = await ProcessRunner.RunAsync(["sleep", "300"], dir, Minute, cancellationToken: cts.Token);

        outcome.TimedOut.Should().BeTrue();
    }

    [Fact]
    public async Task RunAsync_BackgroundChildKeepsTheOutputOpen_ReturnsWhenTheProcessExits()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "daemon.sh"), "sleep 20 &\necho $! > child.pid\necho started\nexit 0\n");

        var outcome = await ProcessRunner.RunAsync(["bash", "daemon.sh"], dir, Minute);

        outcome.ExitCode.Should().Be(0, "the script exited although its background child still holds stdout");
        outcome.TimedOut.Should().BeFalse();
        outcome.OutputTail.Should().StartWith("started");
        Kill(int.Parse(File.ReadAllText(Path.Combine(dir, "child.pid")).Trim(), CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("praxi-no-such-program-xyz")]
    [InlineData("")]
    public async Task RunAsync_ProgramThatCannotStart_SaysWhyWithoutThrowing(string program)
    {
        var outcome = await ProcessRunner.RunAsync([program], _temp.Subfolder(), Minute);

        outcome.StartError.Should().NotBeNullOrEmpty();
        outcome.Succeeded.Should().BeFalse();
        outcome.Describe().Should().StartWith("did not start");
    }

    [Fact]
    public async Task RunAsync_MissingFolder_SaysSo()
    {
        var outcome = await ProcessRunner.RunAsync(["true"], Path.Combine(_temp.Subfolder(), "nope"), Minute);

        outcome.StartError.Should().Contain("does not exist");
    }

    [Fact]
    public async Task RunAsync_SecretInTheEnvironment_IsMaskedInTheTail()
    {
        var env = new Dictionary<string, string?> { ["DEPLOY_TOKEN"] = "s3cr3t-value-42", ["PLAIN"] = "visible-value" };

        var outcome = await ProcessRunner.RunAsync(["bash", "-c", "echo \"token=$DEPLOY_TOKEN plain=$PLAIN\""], _temp.Subfolder(), Minute, env);

        outcome.OutputTail.Should().Be("token=*** plain=visible-value");
    }

    [Fact]
    public async Task RunAsync_LongOutput_KeepsTheLastLinesBehindAMarker()
    {
        var outcome = await ProcessRunner.RunAsync(["seq", "1", "1000"], _temp.Subfolder(), Minute);

        var lines = outcome.OutputTail.Split('\n');
        lines.Should().HaveCount(OutputTail.DefaultLines + 1);
        lines[0].Should().Be("[… 960 earlier line(s) not kept]");
        lines[^1].Should().Be("1000");
    }

    private static async Task WaitUntilGoneAsync(int pid)
    {
        for (var i = 0; i < 50 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++)
        {
            await Task.Delay(100);
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
