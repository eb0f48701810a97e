namespace Praxi.FixEngine.Samples.Tests.Running;

/// <summary>A test that must fail in a scenario, and a fragment its failure message must contain.</summary>
internal sealed record ExpectedFailure(string Test, string Message);
