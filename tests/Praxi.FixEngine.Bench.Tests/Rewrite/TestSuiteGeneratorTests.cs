using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Praxi.FixEngine.Bench.Rewrite;
using Praxi.FixEngine.Rewriting.JavaScript;

namespace Praxi.FixEngine.Bench.Tests.Rewrite;

public sealed class TestSuiteGeneratorTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("suite-gen");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CSharp_SameSeed_SameText()
    {
        var first = TestSuiteGenerator.CSharp("tests/A.cs", 800, seed: 9);

        var second = TestSuiteGenerator.CSharp("tests/A.cs", 800, seed: 9);

        second.Should().Be(first);
        TestSuiteGenerator.CSharp("tests/A.cs", 800, seed: 10).Text.Should().NotBe(first.Text);
    }

    [Fact]
    public void TypeScript_SameSeed_SameText()
    {
        var first = TestSuiteGenerator.TypeScript("e2e/a.spec.ts", 800, seed: 9);

        var second = TestSuiteGenerator.TypeScript("e2e/a.spec.ts", 800, seed: 9);

        second.Should().Be(first);
        TestSuiteGenerator.TypeScript("e2e/a.spec.ts", 800, seed: 10).Text.Should().NotBe(first.Text);
    }

    [Fact]
    public void CSharp_AnySize_ParsesWithoutErrorsAndPlantsTheTargetNearTheEnd()
    {
        var sut = TestSuiteGenerator.CSharp("tests/A.cs", 5_000, seed: 4);

        var tree = CSharpSyntaxTree.ParseText(sut.Text);
        tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        sut.Lines.Should().BeInRange(4_990, 5_030);
        sut.TargetLine.Should().BeGreaterThan(sut.Lines - 15);
        sut.Text.Split('\n')[sut.TargetLine - 1].Should().Contain($"Locator(\"{sut.Old.Value}\")");
        sut.Text.Should().Contain("GetByRole(AriaRole.").And.Contain("GetByTestId(").And.Contain("By.Id(").And.Contain("new() { Timeout = ");
    }

    [Fact]
    public void TypeScript_AnySize_TokenizesAndPlantsTheTargetNearTheEnd()
    {
        var sut = TestSuiteGenerator.TypeScript("e2e/a.spec.ts", 5_000, seed: 4);

        JsDocument.TryCreate(sut.Path, sut.Text, out var error).Should().NotBeNull(because: error);
        sut.Lines.Should().BeInRange(4_990, 5_030);
        sut.Text.Split('\n')[sut.TargetLine - 1].Should().Contain($"locator('{sut.Old.Value}')");
        sut.Text.Should().Contain("getByRole('").And.Contain("getByTestId('").And.Contain("{ timeout: ").And.Contain("constructor(private readonly page: Page");
    }

    [Fact]
    public void Repository_SameSeed_SameFilesOfBothLanguages()
    {
        var first = Path.Combine(_temp.Path, "first");
        var second = Path.Combine(_temp.Path, "second");

        var specs = TestSuiteGenerator.Repository(first, 6, seed: 3);
        TestSuiteGenerator.Repository(second, 6, seed: 3);

        specs.Should().HaveCount(6);
        specs.Count(s => s.Path.EndsWith(".cs", StringComparison.Ordinal)).Should().Be(3);
        specs.Should().OnlyContain(s => s.Lines >= 100 && s.Lines <= 320);
        foreach (var spec in specs)
        {
            File.ReadAllBytes(Path.Combine(second, spec.Path)).Should().Equal(File.ReadAllBytes(Path.Combine(first, spec.Path)));
        }
    }
}
