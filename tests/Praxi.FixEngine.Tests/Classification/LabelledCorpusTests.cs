using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evaluation;

namespace Praxi.FixEngine.Tests.Classification;

public sealed class LabelledCorpusTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_LabelsWithSourceAndSecondary_GroupsByProject()
    {
        var dir = Corpus("""[{"file":"a.log","label":"timeout","secondary":"selector_not_found","source":"Acme/Shop#12"},{"file":"b.log","label":"database","source":"acme/shop#40"},{"file":"c.log","label":"database"}]""", "a.log", "b.log", "c.log");

        var sut = LabelledCorpus.Read(dir);

        sut.Select(r => r.Group).Should().Equal("acme/shop", "acme/shop", "file:c.log");
        sut[0].Secondary.Should().Be(ErrorType.SelectorNotFound);
    }

    [Theory]
    [InlineData("""[]""", "*labels no runs*")]
    [InlineData("""{"file":"a.log"}""", "*not a JSON array*")]
    [InlineData("""[{"file":"a.log"}]""", "*gives 'a.log' no label*")]
    [InlineData("""[{"file":"a.log","label":"cosmic_rays"}]""", "*'a.log'*cosmic_rays*not an error type*")]
    [InlineData("""[{"file":"a.log","label":"timeout","secondary":"gremlins"}]""", "*secondary 'gremlins'*")]
    [InlineData("""[{"file":"a.log","label":"timeout"},{"file":"A.log","label":"database"}]""", "*labels 'A.log' twice*")]
    [InlineData("""[{"file":"missing.log","label":"timeout"}]""", "*'missing.log', which is not in*")]
    [InlineData("""[{"file":"../a.log","label":"timeout"}]""", "*relative path inside the folder*")]
    public void Read_BadLabels_FailsWithOneClearLine(string labels, string message)
    {
        var dir = Corpus(labels, "a.log");

        var act = () => LabelledCorpus.Read(dir);

        act.Should().Throw<FixEngineException>().WithMessage(message).Which.Message.Should().NotContain("\n");
    }

    [Fact]
    public void Read_NoLabelsFile_SaysWhatToWrite()
    {
        var act = () => LabelledCorpus.Read(_temp.Subfolder());

        act.Should().Throw<FixEngineException>().WithMessage("*has no labels.json*");
    }

    private string Corpus(string labels, params string[] files)
    {
        var dir = _temp.Subfolder();
        foreach (var f in files)
        {
            File.WriteAllText(Path.Combine(dir, f), "Error: something\n");
        }

        File.WriteAllText(Path.Combine(dir, "labels.json"), labels);
        return dir;
    }
}
