using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Judging;

namespace Praxi.FixEngine.Tests.Judging;

public sealed class JudgeTrainerTests
{
    [Fact]
    public void Train_RunsWithTellingWords_JudgesNewRunsByThem()
    {
        var sut = JudgeTrainer.Train(JudgeData.Examples(8));

        sut.Judge(JudgeData.Input("Error: relation \"users\" does not exist")).Type.Should().Be(ErrorType.Database);
        sut.Judge(JudgeData.Input("page.goto: net::ERR_CONNECTION_REFUSED at http://localhost:8080/")).Type.Should().Be(ErrorType.ServerUnavailable);
        sut.Judge(JudgeData.Input("Test timeout of 60000ms exceeded.")).Type.Should().Be(ErrorType.Timeout);
    }

    [Fact]
    public void Train_SameExamplesTwice_WritesTheSameWeightsFile()
    {
        var first = JudgeTrainer.Train(JudgeData.Examples(6)).ToJson();
        var second = JudgeTrainer.Train(JudgeData.Examples(6)).ToJson();

        second.Should().Be(first);
    }

    [Fact]
    public void Train_WordOfASingleProject_IsNotAFeature()
    {
        var examples = JudgeData.Examples(6);
        examples[0] = examples[0] with { Input = JudgeData.Input("zorblax relation does not exist") };

        var sut = JudgeTrainer.Train(examples);

        // Kept only when at least two projects use it: a project's own vocabulary does not generalise.
        sut.ToJson().Should().NotContain("zorblax").And.Contain("\"w:relation\"");
    }

    [Fact]
    public void CrossValidate_WordsThatOnlyNameTheProject_DoNotLeakIntoItsFold()
    {
        // Each project's runs share a project word and a label; nothing else tells the types apart. A model that saw
        // the project would score perfectly; grouped folds must leave it guessing.
        var random = new Random(3);
        var types = new[] { ErrorType.Database, ErrorType.Timeout, ErrorType.AuthState };
        var examples = new List<JudgeExample>();
        for (var p = 0; p < 30; p++)
        {
            var type = types[random.Next(types.Length)];
            for (var r = 0; r < 3; r++)
            {
                examples.Add(new JudgeExample(JudgeData.Input($"Error in module{p} step", "something went wrong"), type, $"project{p}"));
            }
        }

        var verdicts = JudgeTrainer.CrossValidate(examples, 5);

        var right = verdicts.Select((v, i) => v.Type == examples[i].Label || (v.Type == ErrorType.Unknown && v.RunnerUp == examples[i].Label)).Count(x => x);
        ((double)right / examples.Count).Should().BeLessThan(0.7);
    }

    [Fact]
    public void CrossValidate_TellingWords_ScoresHeldOutProjects()
    {
        var examples = JudgeData.Examples(10, perGroup: 2);

        var verdicts = JudgeTrainer.CrossValidate(examples, 5);

        verdicts.Select((v, i) => v.Type == examples[i].Label).Count(x => x).Should().BeGreaterThanOrEqualTo(examples.Count * 9 / 10);
    }

    [Fact]
    public void Train_OneTypeOnly_FailsWithAClearMessage()
    {
        var examples = JudgeData.Examples(4).Where(e => e.Label == ErrorType.Database).ToList();

        var act = () => JudgeTrainer.Train(examples);

        act.Should().Throw<FixEngineException>().WithMessage("*at least two types*");
    }

    [Fact]
    public void Train_OneProjectOnly_FailsWithAClearMessage()
    {
        var examples = JudgeData.Examples(4).Select(e => e with { Group = "one" }).ToList();

        var act = () => JudgeTrainer.Train(examples);

        act.Should().Throw<FixEngineException>().WithMessage("*at least two source projects*");
    }
}
