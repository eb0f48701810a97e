namespace Praxi.FixEngine.Tests.Architecture;

/// <summary>
/// The library's dependencies flow one way (docs/architecture.md): contracts and the locator language at the bottom,
/// the stages in the flow's order, the configuration, the pipeline on top. Read from the code itself with Roslyn.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Lazy<NamespaceGraph> Library = new(() => NamespaceGraph.Read(SourceFolder));

    private static string SourceFolder => Path.Combine(RepositoryRoot.Path, "src", "Praxi.FixEngine");

    [Fact]
    public void Library_EveryNamespace_HasItsPlaceInTheLayers()
    {
        var sut = Library.Value;

        sut.Namespaces.Where(n => Layers.RowOf(n) is null).Should().BeEmpty("a new namespace needs its row in Layers.Rows and in docs/architecture.md");
    }

    [Fact]
    public void Library_EveryDependency_PointsToALowerLayer()
    {
        var sut = Library.Value;

        Layers.Violations(sut).Should().BeEmpty();
    }

    [Fact]
    public void Library_NamespaceGraph_HasNoCycle()
    {
        var sut = Library.Value;

        sut.Cycles().Select(c => string.Join(" ↔ ", c.Select(Layers.Relative))).Should().BeEmpty();
    }

    [Fact]
    public void Check_AnUpwardReferenceAddedToContracts_IsReportedWithItsPlace()
    {
        const string upward = """
            namespace Praxi.FixEngine.Contracts;

            internal static class Upward
            {
                public static object Agent() => new Praxi.FixEngine.Pipeline.FixAgent();
            }
            """;

        var sut = Library.Value.With(new Dictionary<string, string> { ["Contracts/Upward.cs"] = upward });

        Layers.Violations(sut).Should().ContainSingle().Which.Should().StartWith("Contracts → Pipeline (Contracts/Upward.cs:5");
        sut.Cycles().Should().ContainSingle().Which.Should().Contain([NamespaceGraph.Root + ".Contracts", NamespaceGraph.Root + ".Pipeline"]);
    }

    [Fact]
    public void Check_ASiblingReferenceBetweenTheRewriters_IsReported()
    {
        const string sibling = """
            namespace Praxi.FixEngine.Rewriting.CSharp;

            internal static class Sibling
            {
                public static object Other() => new Praxi.FixEngine.Rewriting.JavaScript.JavaScriptRewriter();
            }
            """;

        var sut = Library.Value.With(new Dictionary<string, string> { ["Rewriting/CSharp/Sibling.cs"] = sibling });

        Layers.Violations(sut).Should().ContainSingle().Which.Should().StartWith("Rewriting.CSharp → Rewriting.JavaScript");
    }

    [Fact]
    public void Library_Internals_AreSeenByTestsAndBenchmarksOnly()
    {
        var granted = typeof(FixEngineException).Assembly.GetCustomAttributes(typeof(System.Runtime.CompilerServices.InternalsVisibleToAttribute), false)
            .Cast<System.Runtime.CompilerServices.InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();

        granted.Should().NotBeEmpty().And.OnlyContain(
            name => name.EndsWith(".Tests", StringComparison.Ordinal) || name == "praxi-bench",
            "the tool (praxi) and the hosts are clients of the public API like any embedder; nothing shipped reads internals");
    }

    [Fact]
    public void ArchitectureDoc_DependencyTable_IsTheOneTheCodeHas()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md")).ReplaceLineEndings("\n");
        const string begin = "<!-- layers:begin (ArchitectureTests checks this table against the code) -->\n";
        const string end = "<!-- layers:end -->";
        var expected = Layers.Table(Library.Value);

        var received = Path.Combine(AppContext.BaseDirectory, "architecture-layers.received.md");
        File.WriteAllText(received, expected);

        doc.Should().Contain(begin).And.Contain(end);
        var start = doc.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        doc[start..doc.IndexOf(end, start, StringComparison.Ordinal)].Should().Be(expected, $"docs/architecture.md shows the layers as they are (the table the code has is in {received})");
    }
}
