using System.Text.RegularExpressions;
using System.Xml.Linq;
using Praxi.FixEngine.Analysis;
using Praxi.FixEngine.Logs;
using Praxi.FixEngine.Running;

namespace Praxi.FixEngine.Samples.Tests;

/// <summary>
/// <c>{filter}</c> against real <c>dotnet test</c> runs: small xUnit, NUnit and MSTest projects with data rows whose string
/// arguments hold commas, spaces, quotes, parentheses, semicolons, percent signs and null fail some rows; the failed rows
/// are read from the run's TRX through the analysis, and the rerun with the expanded filter (an argument list, through the
/// engine's own rerunner) must report exactly those rows — none of their passing siblings.
/// </summary>
public sealed class DotNetFilterTests(DotNetFilterTests.RowProjects projects) : IClassFixture<DotNetFilterTests.RowProjects>
{
    /// <summary>
    /// Rows each adapter takes: NUnit's adapter rewrites the filter into its own language, which cannot hold a quote
    /// inside a string argument, a backslash, <c>=</c>, <c>!</c> or <c>~</c> (nunit/nunit3-vs-adapter#1488), so its project
    /// leaves that row out.
    /// </summary>
    private const string HardRows = """
        ROW("say \"hi\"", "p|q&r=s!t~u\\v")
        ROW("say \"ho\"", "p|q&r=s!t~u\\v")
        """;

    private const string Rows = """
        ROW("chromium", null)
        ROW("firefox", null)
        ROW("a, b", "x (y)")
        ROW("a, c", "x (y)")
        ROW("semi;colon", "100%")
        ROW("semi;colon2", "100%")
        """;

    /// <summary>Each row's first argument that fails; the others pass.</summary>
    private const string Failing = """browserType is "chromium" or "a, b" or "say \"hi\"" or "semi;colon" """;

    [Theory]
    [InlineData("xunit", true)]
    [InlineData("xunit", false)]
    [InlineData("nunit", true)]
    [InlineData("nunit", false)]
    [InlineData("mstest", true)]
    [InlineData("mstest", false)]
    public async Task Filter_FailedDataRowsOfARealRun_RerunsExactlyThoseRows(string adapter, bool runnerKnown)
    {
        var first = projects.FirstRun(adapter);
        var targets = TestTarget.From(new FailureAnalyzer().Analyze(first)).Where(t => t.IsTest)
            .Select(t => runnerKnown ? t : t with { Runner = null, Language = null })
            .ToList();
        var failed = Parse(first).Failures.Select(f => f.Test).ToList();
        var sut = new TestRunner
        {
            Name = adapter,
            Runner = runnerKnown ? adapter : null,
            Command = ["dotnet", "test", RowProjects.Folder(adapter), "--no-build", "--filter", "{filter}", "--logger", "trx;LogFileName=rerun.trx", "--results-directory", $"rerun-{adapter}-{runnerKnown}"],
            Results = [$"rerun-{adapter}-{runnerKnown}/rerun.trx"],
        };

        var outcome = await TestRerunner.RunAsync(projects.Root, sut, targets, environment: RowProjects.CleanEnvironment);

        targets.Select(t => t.Test).Should().BeEquivalentTo(failed).And.HaveCount(adapter == "nunit" ? 4 : 5);
        outcome.Problems.Should().BeEmpty(outcome.Process.OutputTail);
        outcome.Results.Select(r => r.Test).Should().BeEquivalentTo(failed, $"the filter was {outcome.Command[^5]}");
        outcome.Results.Should().OnlyContain(r => r.Status == TestResult.Failed);
    }

    [Theory]
    [InlineData("xunit")]
    [InlineData("nunit")]
    [InlineData("mstest")]
    public void TestsGrepAndNames_FailedDataRows_EachNameStaysOneArgumentAndGrepMatchesNoSibling(string adapter)
    {
        var log = Parse(projects.FirstRun(adapter));
        var targets = TestTarget.From(new FailureAnalyzer().Analyze(projects.FirstRun(adapter))).Where(t => t.IsTest).ToList();
        var sut = new TestRunner { Name = adapter, Command = ["run", "{tests}", "-g", "{grep}", "-k", "{names}"] };

        var args = sut.Expand(targets, fullSuite: false);

        args.Skip(1).Take(targets.Count).Should().Equal(targets.Select(t => t.Test));
        var grep = new Regex(args[targets.Count + 2], RegexOptions.None, TimeSpan.FromSeconds(1));
        targets.Should().OnlyContain(t => grep.IsMatch(t.Test));
        (log.PassedTests ?? []).Should().NotBeEmpty().And.OnlyContain(p => !grep.IsMatch(p), "a passing sibling row must not match the failed rows' pattern");
        args[^1].Should().Contain(" or ");
    }

    private static ParsedLog Parse(string trx) => new TrxParser().Parse(trx, Path.GetFileName(trx), CancellationToken.None);

    /// <summary>The three projects, built once and run once (each fails some rows on purpose).</summary>
    public sealed class RowProjects : IAsyncLifetime
    {
        /// <summary>The test host's MSBuild state must not leak into the child builds.</summary>
        public static readonly IReadOnlyDictionary<string, string?> CleanEnvironment = new Dictionary<string, string?>
        {
            ["MSBuildSDKsPath"] = null, ["MSBUILD_EXE_PATH"] = null, ["MSBuildExtensionsPath"] = null,
        };

        private static readonly Dictionary<string, string[]> Packages = new()
        {
            ["xunit"] = ["Microsoft.NET.Test.Sdk", "xunit", "xunit.runner.visualstudio"],
            ["nunit"] = ["Microsoft.NET.Test.Sdk", "NUnit", "NUnit3TestAdapter"],
            ["mstest"] = ["Microsoft.NET.Test.Sdk", "MSTest.TestFramework", "MSTest.TestAdapter"],
        };

        private readonly TempFolder _folder = TempFolder.Create("filter-rows");

        public string Root => _folder.Path;

        /// <summary>The project's folder (and name: a project named like its package would reference itself).</summary>
        public static string Folder(string adapter) => "rows-" + adapter;

        /// <summary>The TRX of the project's first run.</summary>
        public string FirstRun(string adapter) => Path.Combine(Root, $"first-{adapter}", "first.trx");

        public async Task InitializeAsync()
        {
            // Outside the repository: its own settings, the repository's package versions.
            var versions = XDocument.Load(RepositoryRoot.Combine("Directory.Packages.props")).Descendants("PackageVersion")
                .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.Ordinal);
            Write("Directory.Build.props", """
                <Project>
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <IsPackable>false</IsPackable>
                    <IsTestProject>true</IsTestProject>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <NoWarn>$(NoWarn);xUnit1012;NU1900;NU1901;NU1902;NU1903;NU1904;NU1905;MSTEST0001</NoWarn>
                  </PropertyGroup>
                </Project>
                """);
            Write("Directory.Build.targets", "<Project />\n");
            Write("Directory.Packages.props", "<Project />\n");
            foreach (var (adapter, packages) in Packages)
            {
                var references = string.Join("\n", packages.Select(p => $"""    <PackageReference Include="{p}" Version="{versions[p]}" />"""));
                Write($"{Folder(adapter)}/{Folder(adapter)}.csproj", $"""
                    <Project Sdk="Microsoft.NET.Sdk">
                      <ItemGroup>
                    {references}
                      </ItemGroup>
                    </Project>
                    """);
                Write($"{Folder(adapter)}/Grid.cs", Source(adapter));
            }

            Write("rows.slnx", "<Solution>\n" + string.Concat(Packages.Keys.Select(a => $"  <Project Path=\"{Folder(a)}/{Folder(a)}.csproj\" />\n")) + "</Solution>\n");
            var build = await ChildProcess.RunAsync("dotnet", ["build", "rows.slnx", "-nologo", "-v", "q"], Root);
            build.ExitCode.Should().Be(0, build.Stdout + build.Stderr);
            foreach (var adapter in Packages.Keys)
            {
                var run = await ChildProcess.RunAsync(
                    "dotnet", ["test", Folder(adapter), "--no-build", "--logger", "trx;LogFileName=first.trx", "--results-directory", $"first-{adapter}"], Root);
                File.Exists(FirstRun(adapter)).Should().BeTrue(run.Stdout + run.Stderr);
            }
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }

        private static string Source(string adapter)
        {
            var rows = adapter == "nunit" ? Rows : Rows + "\n" + HardRows;
            var (usings, attributes, row, fact, fail) = adapter switch
            {
                "xunit" => ("using Xunit;", "[Theory]", "[InlineData({0})]", "[Fact]", "Assert.Fail(\"row fails\")"),
                "nunit" => ("using NUnit.Framework;", string.Empty, "[TestCase({0})]", "[Test]", "Assert.Fail(\"row fails\")"),
                _ => ("using Microsoft.VisualStudio.TestTools.UnitTesting;", "[TestMethod]", "[DataRow({0})]", "[TestMethod]", "Assert.Fail(\"row fails\")"),
            };
            var rowAttributes = string.Join("\n    ", rows.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(r => string.Format(System.Globalization.CultureInfo.InvariantCulture, row, r.Trim()["ROW(".Length..^1])));
            return $$"""
                namespace Rows.Demo;
                {{usings}}
                {{(adapter == "mstest" ? "[TestClass]" : string.Empty)}}
                public class Grid
                {
                    {{attributes}}
                    {{rowAttributes}}
                    public void Open(string browserType, string browserChannel)
                    {
                        if ({{Failing}}) {{fail}};
                    }

                    {{fact}}
                    public void Plain() => {{fail}};
                }
                """;
        }

        private void Write(string relative, string text)
        {
            var path = Path.Combine(Root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }
}
