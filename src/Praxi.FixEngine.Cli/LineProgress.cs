namespace Praxi.FixEngine.Cli;

/// <summary>Progress lines written straight to a writer (stderr), in order and on the reporting thread.</summary>
/// <remarks><see cref="Progress{T}"/> would post them to the thread pool, where they could interleave with the output.</remarks>
internal sealed class LineProgress(TextWriter writer) : IProgress<string>
{
    public void Report(string value) => writer.WriteLine(value);
}
