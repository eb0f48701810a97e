using Microsoft.Extensions.Logging;

namespace Praxi.FixEngine.Pipeline;

/// <summary>What the pipeline logs, one message per step; never a token, an environment value or log text beyond counts and names.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Analyzed run {RunId}: {ErrorType} ({Confidence:0.00}), {Failures} failed test(s)")]
    public static partial void Analyzed(ILogger logger, string runId, string errorType, double confidence, int failures);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Self-heal: {Summary}")]
    public static partial void SelfHealed(ILogger logger, string summary);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Healed {Healed} of {Locators} broken locator(s)")]
    public static partial void Healed(ILogger logger, int healed, int locators);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Planned the fix: {Edits} edit(s), guardrails {Allowed}, risk {Risk}")]
    public static partial void Planned(ILogger logger, int edits, bool allowed, string risk);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Validation {Status}; withheld: {Withheld}")]
    public static partial void Validated(ILogger logger, string status, bool withheld);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Applied the patch: {Files} file(s) written")]
    public static partial void Applied(ILogger logger, int files);
}
