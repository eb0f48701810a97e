using System.Text.Json;

namespace Praxi.FixEngine.Cli.Tests.Commands;

public sealed class TrainCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Train_SharedCorpus_WritesAWeightsFileThatPraxiJsonCanUse()
    {
        var dir = _temp.Subfolder();
        var model = Path.Combine(dir, "models", "judge.json");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("train", Praxi.Testing.SharedCorpus.Logs, "--out", model);

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().MatchRegex(@"trained on \d+ runs from \d+ projects, 12 types");
        using (var json = JsonDocument.Parse(File.ReadAllText(model)))
        {
            json.RootElement.GetProperty("format").GetString().Should().Be("praxi-judge");
        }

        var config = Path.Combine(dir, "praxi.json");
        File.WriteAllText(config, """{"classification":{"model":"models/judge.json"}}""");
        var log = Path.Combine(dir, "run.log");
        File.WriteAllText(log, "Error: Host system is missing dependencies to run browsers.\n");
        (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("analyze", log, "--config", config);
        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("\"decided_by\"");
    }

    [Fact]
    public async Task Train_TwoCorporaWithoutRelocation_OneLineAndExitCode2()
    {
        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("train", _temp.Path, _temp.Path, "--out", Path.Combine(_temp.Path, "judge.json"));

        code.Should().Be(ExitCodes.BadInput);
        stdout.Should().BeEmpty();
        stderr.Trim().Should().Contain("one labelled corpus folder").And.NotContain("\n");
        File.Exists(Path.Combine(_temp.Path, "judge.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Train_RelocationOnAnotherFormat_OneLineAndNoFile()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "dataset.json"), """{"format":"praxi-relocation/9"}""");
        var output = Path.Combine(_temp.Path, "relocation.json");

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("train", "--relocation", dir, "--out", output);

        code.Should().Be(ExitCodes.BadInput);
        stderr.Trim().Should().Contain("praxi-relocation/9").And.NotContain("\n");
        File.Exists(output).Should().BeFalse();
    }

    [Theory]
    [InlineData("""[]""", "labels no runs")]
    [InlineData("""[{"file":"a.log"}]""", "no label")]
    [InlineData("""[{"file":"a.log","label":"cosmic_rays"}]""", "cosmic_rays")]
    [InlineData("""[{"file":"a.log","label":"timeout"},{"file":"a.log","label":"timeout"}]""", "twice")]
    [InlineData("""[{"file":"a.log","label":"timeout","source":"a/b#1"},{"file":"b.log","label":"timeout","source":"c/d#1"}]""", "at least two types")]
    public async Task Train_BadCorpus_OneLineExitTwoAndTheOldWeightsFileUntouched(string labels, string message)
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "a.log"), "Error: x\n");
        File.WriteAllText(Path.Combine(dir, "b.log"), "Error: y\n");
        File.WriteAllText(Path.Combine(dir, "labels.json"), labels);
        var model = Path.Combine(_temp.Subfolder(), "judge.json");
        File.WriteAllText(model, "previous weights");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("train", dir, "--out", model);

        code.Should().Be(ExitCodes.BadInput);
        stderr.Trim().Should().StartWith("praxi: ").And.Contain(message).And.NotContain("\n").And.NotContain("   at ");
        stdout.Should().BeEmpty();
        File.ReadAllText(model).Should().Be("previous weights");
        Directory.GetFiles(Path.GetDirectoryName(model)!).Should().ContainSingle();
    }

    [Fact]
    public async Task Eval_Folds_PrintsHeldOutFiguresReliabilityAndTheRulesBaseline()
    {
        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("eval", Praxi.Testing.SharedCorpus.Logs, "--folds", "5");

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("reliability (confidence → share right):").And.MatchRegex(@"expected calibration error: \d\.\d{3}")
            .And.MatchRegex(@"held out by project over 5 folds; the rules alone on the same files: accuracy \d\.\d{3}, macro-F1 \d\.\d{3}");
    }

    [Fact]
    public async Task Eval_ConfigWithRules_SaysWhatTheUsersRulesChange()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "a.log"), "FAILED checkout: ACME-42 vault sealed\n");
        File.WriteAllText(Path.Combine(dir, "labels.json"), """[{"file":"a.log","label":"database"}]""");
        var config = Path.Combine(dir, "praxi.json");
        File.WriteAllText(config, """{"classification":{"rules":[{"id":"acme-vault","type":"database","weight":0.95,"literals":["ACME-42"]}]}}""");

        var (code, stdout, stderr) = await AnalyzeCommandTests.RunAsync("eval", dir, "--config", config);

        code.Should().Be(ExitCodes.Success, stderr);
        stdout.Should().Contain("your 1 rule(s) change 1 answer(s): 1 now right, 0 now wrong").And.Contain("a.log:").And.Contain("→ database (label database)");
    }

    [Fact]
    public async Task Eval_FoldsMoreThanProjects_OneLineExitTwo()
    {
        var dir = _temp.Subfolder();
        File.WriteAllText(Path.Combine(dir, "a.log"), "Error: x\n");
        File.WriteAllText(Path.Combine(dir, "labels.json"), """[{"file":"a.log","label":"timeout"}]""");

        var (code, _, stderr) = await AnalyzeCommandTests.RunAsync("eval", dir, "--folds", "5");

        code.Should().Be(ExitCodes.BadInput);
        stderr.Should().StartWith("praxi: 5 folds need between 2 and 1");
    }
}
