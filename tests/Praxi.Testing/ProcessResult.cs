namespace Praxi.Testing;

/// <summary>A finished process: its exit code and what it wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output followed by standard error.</summary>
    public string Output => Stdout + Stderr;

    /// <summary>The exit code and <see cref="Output"/>, for callers that read both streams as one.</summary>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="output">Standard output followed by standard error.</param>
    public void Deconstruct(out int exitCode, out string output)
    {
        exitCode = ExitCode;
        output = Output;
    }

    /// <summary>The exit code and both streams, for assertion messages.</summary>
    /// <returns>A multi-line description.</returns>
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
