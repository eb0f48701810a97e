namespace Praxi.FixEngine.Cli.Benchmarks;

/// <summary>One site's figures in a relocation benchmark.</summary>
internal sealed record RelocationSiteResult(string Site, bool AnswersOnlyPool, int Candidates, int Pairs, int Correct, int Wrong, int Abstained);
