using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Praxi.Workflows.Tests;

/// <summary>The shell of the workflows and the composite action, run for real with bash as a runner runs it.</summary>
public sealed class StepScriptTests
{
    private const string Action = ".github/actions/praxi/action.yml";
    private const string BackendSetup = ".github/workflows/backend-setup.yml";

    [Fact]
    public async Task EveryRunBlock_IsValidBash()
    {
        var scripts = RepoFiles.Workflows.Concat(RepoFiles.Actions)
            .SelectMany(file => WorkflowYaml.Parse(RepoFiles.Read(file)).Steps
                .Select(s => (Where: $"{file}: {s.Where}", Run: WorkflowYaml.Scalar(s.Step, "run")))
                .Where(s => s.Run is not null))
            .ToList();
        scripts.Should().HaveCountGreaterThan(20);

        foreach (var (where, run) in scripts)
        {
            var result = await BashSyntaxAsync(run!);
            result.ExitCode.Should().Be(0, $"{where} should parse: {result.Stderr}");
        }
    }

    [Fact]
    public async Task BashSyntax_RejectsABrokenScript() =>
        (await BashSyntaxAsync("if [[ -n \"$A\" ]]; then\n  echo a\n")).ExitCode.Should().NotBe(0);

    public static TheoryData<string, string, string[]> ArgsCases => new()
    {
        // One line: split on whitespace.
        { "analyze", "  results  --format text ", ["analyze", "results", "--format", "text"] },
        // Several lines: one argument each, spaces inside kept, blank lines dropped; the verb may be two words.
        { "self-heal decide", "--out\n  my out/dir  \n\n--trigger-source\nworkflow_dispatch\n", ["self-heal", "decide", "--out", "my out/dir", "--trigger-source", "workflow_dispatch"] },
    };

    [Theory]
    [MemberData(nameof(ArgsCases))]
    public async Task CompositeAction_TurnsVerbAndArgs_IntoTheArgumentList(string verb, string args, string[] expected)
    {
        using var step = new StepScript(Action, "run");
        var praxi = FakePraxi(step, exitCode: 0);

        var result = await step.RunAsync(Env(praxi, verb, args));

        result.ExitCode.Should().Be(0, result.ToString());
        ArgsSeen(step).Should().Equal(expected);
        step.Output.Should().Contain("exit-code=0");
    }

    [Fact]
    public async Task CompositeAction_PassesShellTextAsPlainArguments_AndRunsNothing()
    {
        using var step = new StepScript(Action, "run");
        var praxi = FakePraxi(step, exitCode: 0);
        var marker = Path.Combine(step.Temp, "pwned");
        var hostile = $"$(touch {marker})\n`touch {marker}`\n; touch {marker}\n*";

        var result = await step.RunAsync(Env(praxi, verb: "analyze", args: hostile));

        result.ExitCode.Should().Be(0, result.ToString());
        ArgsSeen(step).Should().Equal("analyze", $"$(touch {marker})", $"`touch {marker}`", $"; touch {marker}", "*");
        File.Exists(marker).Should().BeFalse("nothing in the args may run");
    }

    [Fact]
    public async Task CompositeAction_ReportsPraxisExitCode_AndFailsTheStepWithIt()
    {
        using var step = new StepScript(Action, "run");
        var praxi = FakePraxi(step, exitCode: 2);

        var result = await step.RunAsync(Env(praxi, verb: "heal", args: ""));

        result.ExitCode.Should().Be(2);
        ArgsSeen(step).Should().Equal("heal");
        step.Output.Should().Contain("exit-code=2");
    }

    [Fact]
    public async Task CompositeAction_InstallsPraxiFromTheProject_AndTheInstalledToolRuns()
    {
        using var step = new StepScript(Action, "install");

        var result = await step.RunAsync(new Dictionary<string, string>
        {
            ["PRAXI_VERSION"] = "latest",
            ["PRAXI_SOURCE"] = "",
            ["PRAXI_PROJECT"] = Path.Combine(RepositoryRoot.Path, "src", "Praxi.FixEngine.Cli"),
        }, limit: TimeSpan.FromMinutes(15)); // dotnet pack may build the CLI and the library from scratch

        result.ExitCode.Should().Be(0, result.ToString());
        var toolPath = Path.Combine(step.Temp, "praxi-tool");
        step.Output.Should().Contain($"tool-path={toolPath}");
        step.PathAdditions.Trim().Should().Be(toolPath);
        var analyze = await ChildProcess.RunAsync(
            Path.Combine(toolPath, "praxi"),
            ["analyze", Path.Combine(RepositoryRoot.Path, "samples", "artifacts", "renamed-selector"), "--format", "text"],
            step.Temp);
        analyze.ExitCode.Should().Be(0, analyze.ToString());
        analyze.Stdout.Should().Contain("selector_not_found");
    }

    [Theory]
    [InlineData("echo agent ran; exit 0", 0)]
    [InlineData("echo tests failed >&2; exit 3", 3)]
    public async Task BackendSetup_AgentStep_RecordsTheExitCode_AndLogsTheOutput(string command, int expected)
    {
        using var step = new StepScript(BackendSetup, "agent");
        var logs = Directory.CreateDirectory(Path.Combine(step.Temp, "logs")).FullName;

        var result = await step.RunAsync(new Dictionary<string, string> { ["AGENT_COMMAND"] = command, ["LOGS_DIR"] = logs, ["AGENT_TOKEN"] = "" });

        result.ExitCode.Should().Be(expected, result.ToString());
        step.Output.Should().Contain($"exit_code={expected}");
        File.ReadAllText(Path.Combine(logs, "agent.log")).Should().Contain(expected == 0 ? "agent ran" : "tests failed");
    }

    [Fact]
    public async Task BackendSetup_HealthStep_SeesAHealthyApp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource();
        var server = ServeOkAsync(listener, stop.Token);
        using var step = new StepScript(BackendSetup, "health");

        var result = await step.RunAsync(HealthEnv(step, $"http://127.0.0.1:{port}", requireHealthy: true));

        await stop.CancelAsync();
        await server;
        result.ExitCode.Should().Be(0, result.ToString());
        step.Output.Should().Contain("healthy=true");
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task BackendSetup_HealthStep_GivesUpOnAnAppThatNeverAnswers(bool requireHealthy, int expectedExit)
    {
        using var step = new StepScript(BackendSetup, "health");
        using var unused = new TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        var port = ((IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();

        var result = await step.RunAsync(HealthEnv(step, $"http://127.0.0.1:{port}", requireHealthy));

        result.ExitCode.Should().Be(expectedExit, result.ToString());
        step.Output.Should().Contain("healthy=false");
        (result.Stdout + result.Stderr).Should().Contain(requireHealthy ? "did not answer" : "running the agent anyway");
    }

    private static async Task<ProcessResult> BashSyntaxAsync(string script)
    {
        using var dir = TempFolder.Create("bash-syntax");
        var file = dir.Combine("step.sh");
        await File.WriteAllTextAsync(file, script);
        return await ChildProcess.RunAsync("bash", ["-n", file], dir.Path);
    }

    /// <summary>A stand-in <c>praxi</c> that writes each argument it got, NUL-terminated, and exits with <paramref name="exitCode"/>.</summary>
    private static string FakePraxi(StepScript step, int exitCode)
    {
        var dir = Directory.CreateDirectory(Path.Combine(step.Temp, "tool")).FullName;
        var praxi = Path.Combine(dir, "praxi");
        File.WriteAllText(praxi, $"#!/usr/bin/env bash\nprintf '%s\\0' \"$@\" > \"{step.Temp}/args\"\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(praxi, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return dir;
    }

    private static Dictionary<string, string> Env(string toolPath, string verb, string args) =>
        new() { ["PRAXI_VERB"] = verb, ["PRAXI_ARGS"] = args, ["PRAXI_TOOL_PATH"] = toolPath };

    private static string[] ArgsSeen(StepScript step) =>
        File.ReadAllText(Path.Combine(step.Temp, "args")).Split('\0', StringSplitOptions.None)[..^1];

    private static Dictionary<string, string> HealthEnv(StepScript step, string url, bool requireHealthy)
    {
        var logs = Directory.CreateDirectory(Path.Combine(step.Temp, "logs")).FullName;
        File.WriteAllText(Path.Combine(logs, "app.log"), "app log line\n");
        // The step watches the app's pid; this test process stands in for a running app.
        File.WriteAllText(Path.Combine(logs, "app.pid"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new()
        {
            ["LOGS_DIR"] = logs,
            ["APP_URL"] = url,
            ["HEALTH_PATH"] = "/api/health/",
            ["HEALTH_TIMEOUT"] = "3",
            ["REQUIRE_HEALTHY"] = requireHealthy ? "true" : "false",
        };
    }

    /// <summary>Answers every HTTP request with 200 and a small JSON body until cancelled.</summary>
    private static async Task ServeOkAsync(TcpListener listener, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(ct);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAsync(buffer, ct);
                var body = "{\"status\":\"ok\"}";
                var response = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
