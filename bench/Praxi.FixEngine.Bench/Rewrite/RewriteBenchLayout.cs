using System.Text;

namespace Praxi.FixEngine.Bench.Rewrite;

/// <summary>
/// Where <c>praxi-bench rewrite</c> puts its inputs, and how to make them again: the generators are seeded, so the measuring
/// process regenerates the planted instructions in memory instead of being told them.
/// </summary>
/// <param name="Directory">The bench folder.</param>
/// <param name="Seed">Generator seed.</param>
/// <param name="Lines">Lines of each big file.</param>
/// <param name="Files">Files in the repository.</param>
internal sealed record RewriteBenchLayout(string Directory, int Seed, int Lines, int Files)
{
    public string CSharpRoot => Path.Combine(Directory, "cs");

    public string TypeScriptRoot => Path.Combine(Directory, "ts");

    public string RepositoryRoot => Path.Combine(Directory, "repo");

    public GeneratedSpec CSharpSpec() => TestSuiteGenerator.CSharp("tests/Shop.E2E/CheckoutTests.cs", Lines, Seed);

    public GeneratedSpec TypeScriptSpec() => TestSuiteGenerator.TypeScript("e2e/checkout.spec.ts", Lines, Seed);

    /// <summary>Writes the two big files and the repository.</summary>
    public void Generate()
    {
        foreach (var (root, spec) in (ReadOnlySpan<(string, GeneratedSpec)>)[(CSharpRoot, CSharpSpec()), (TypeScriptRoot, TypeScriptSpec())])
        {
            var full = Path.Combine(root, spec.Path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, spec.Text, new UTF8Encoding(false));
        }

        TestSuiteGenerator.Repository(RepositoryRoot, Files, Seed);
    }
}
