using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Pipeline;

// Analyze a failed run, heal its broken selectors from the DOM evidence and plan a guarded patch: docs/embedding.md.
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: Praxi.Embedding <artifacts> <repository> [baseline.json]");
    return 2;
}

var result = await new HealLoop().RunAsync(new() { ArtifactsPath = args[0], RepositoryRoot = args[1], BaselinePath = args.ElementAtOrDefault(2) });

Console.WriteLine($"{result.Analysis.Classification.ErrorType.ToName()}: {result.Analysis.Classification.Failures.Count} failed test(s)");
Console.WriteLine($"{(result.Fix!.Allowed ? "allowed" : "refused")}: {result.Fix.Metadata.Edits.Count} edit(s), {result.Fix.Metadata.PrTitle}");
Console.Write(result.Fix.Patch);
return result.Fix.Allowed ? 0 : 1;
