namespace Praxi.FixEngine.Cli;

/// <summary>The documented exit codes of <c>praxi</c> (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success, including a refusal or an abstention reported as a result.</summary>
    public const int Success = 0;

    /// <summary>The run found failures the verb promised to fail on (e.g. <c>--strict</c>).</summary>
    public const int Failed = 1;

    /// <summary>Bad input or usage; one line on stderr says what and how to fix it.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in praxi: one line on stderr names it; nothing partial is written.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
