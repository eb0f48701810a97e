using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Tests.Judging;

public sealed class JudgeModelTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SaveAsync_ThenLoad_JudgesAlikeAndWritesTheSameFile()
    {
        var model = JudgeTrainer.Train(JudgeData.Examples(6));
        var path = Path.Combine(_temp.Path, "judge.json");

        await model.SaveAsync(path);
        var sut = JudgeModel.Load(path);

        sut.ToJson().Should().Be(model.ToJson());
        var input = JudgeData.Input("SqliteException: no such table: carts");
        sut.Judge(input).Should().BeEquivalentTo(model.Judge(input));
    }

    [Fact]
    public void Judge_NothingTelling_AbstainsAndGivesItsGuessAsRunnerUp()
    {
        var model = JudgeTrainer.Train(JudgeData.Examples(6), new JudgeTrainerSettings { AbstainBelow = 0.6 });

        var sut = model.Judge(JudgeData.Input("hello world"));

        sut.Type.Should().Be(ErrorType.Unknown);
        sut.Confidence.Should().BeLessThan(model.AbstainBelow);
        sut.RunnerUp.Should().NotBe(ErrorType.Unknown);
    }

    [Fact]
    public void Judge_TellingLine_ExplainsWithThatLine()
    {
        var model = JudgeTrainer.Train(JudgeData.Examples(6));

        var sut = model.Judge(JudgeData.Input("Running 4 tests using 2 workers", "ERROR: relation \"x\" does not exist", "npm warn deprecated glob@7"));

        sut.Evidence.Should().NotBeEmpty();
        sut.Evidence[0].Text.Should().Contain("relation");
    }

    [Fact]
    public void BuiltIn_LoadsTheEmbeddedModelOfEveryType()
    {
        var sut = JudgeModel.BuiltIn;

        sut.Types.Should().BeEquivalentTo(ErrorTypes.All.Where(t => t != ErrorType.Unknown));
        sut.Training.Examples.Should().BeGreaterThan(100);
        sut.Temperature.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("not json", "*not valid JSON*")]
    [InlineData("""{"format":"something-else","version":1}""", "*not a Praxi judge weights file*")]
    [InlineData("""{"format":"praxi-judge","version":99,"types":["timeout","database"],"temperature":1,"bias":[0,0],"weights":{}}""", "*version 99*retrain*")]
    [InlineData("""{"format":"praxi-judge","version":1,"types":["timeout","cosmic_rays"],"temperature":1,"bias":[0,0],"weights":{}}""", "*cosmic_rays*")]
    [InlineData("""{"format":"praxi-judge","version":1,"types":["timeout","database"],"temperature":1,"bias":[0,0],"weights":{"w:x":[1]}}""", "*'w:x' must have one weight per type (2)*")]
    [InlineData("""{"format":"praxi-judge","version":1,"types":["timeout","database"],"temperature":0,"bias":[0,0],"weights":{}}""", "*temperature must be > 0*")]
    public void Load_BrokenWeightsFile_FailsWithOneClearLine(string text, string message)
    {
        var path = Path.Combine(_temp.Path, "bad.json");
        File.WriteAllText(path, text);

        var act = () => JudgeModel.Load(path);

        act.Should().Throw<FixEngineException>().WithMessage(message).Which.Message.Should().NotContain("\n");
    }
}
