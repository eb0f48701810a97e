using Praxi.FixEngine.Contracts;
using Praxi.FixEngine.Evidence;

namespace Praxi.FixEngine.Logs;

/// <summary>
/// Failures read from Playwright traces, for a folder that holds no runner output: the runner's <c>test.trace</c>
/// records the test's errors with their stacks; a library trace (.NET, Python, Java) records the failing call's error.
/// Also the failing call's place for an <c>error-context.md</c> that does not name it.
/// </summary>
internal static class TraceFailures
{
    /// <summary>The failure a trace records, or null when the trace holds no error (a passing test).</summary>
    /// <exception cref="FixEngineException">The trace cannot be read or is in a format praxi does not read.</exception>
    public static ParsedLog? Read(string path, string source) => FromTrace(TraceReader.Read(path), source);

    /// <summary>The failure a trace given alone records; one line saying what the trace holds when it records none.</summary>
    /// <exception cref="FixEngineException">The trace cannot be read, is in a format praxi does not read, or records no failure.</exception>
    public static ParsedLog ReadAlone(string path, string source)
    {
        var trace = TraceReader.Read(path);
        var format = trace.FormatVersion is { } version ? $"format v{version}" : "format unknown";
        var language = trace.SdkLanguage is { Length: > 0 } sdk ? $", {sdk}" : string.Empty;
        return FromTrace(trace, source) ?? throw new FixEngineException(
            $"The trace '{source}' ({format}{language}, {trace.Calls.Count} call(s), none failed) records no failure: it is a passing run's trace; pass the failed run's trace, output or folder.");
    }

    private static ParsedLog? FromTrace(TraceEvidence trace, string source)
    {
        var error = trace.TestErrors.Count > 0 ? trace.TestErrors[^1].Message : FailedCallMessage(trace.FailingCall);
        if (string.IsNullOrWhiteSpace(error))
        {
            return null;
        }

        var lines = LogText.StripAnsi(error).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var facts = FailureFacts.From(lines);
        var frame = FailingFrame(trace);
        var failure = new TestFailure
        {
            Test = trace.Title ?? SourcePath.TestFolder(source),
            Source = source,
            Message = FailureFacts.Message(lines.TakeWhile(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal))),
            Block = [.. lines.Where(l => l.Length > 0).Take(200).Select((l, i) => new LogLine(i + 1, l))],
            File = frame?.File,
            Line = frame?.Line,
            Column = frame?.Column,
            Action = facts.Action ?? trace.FailingCall?.Method,
            Selector = facts.Selector ?? (trace.FailingCall?.Error is not null ? trace.FailingCall.Selector : null),
            TimeoutMs = facts.TimeoutMs,
            Framework = "playwright",
            Attachments = [source],
        };
        return new ParsedLog(source, LogFormat.PlaywrightTrace, [failure], []);
    }

    /// <summary>
    /// A failed call's error as Playwright's client reports it: the message, then the call log (<c>waiting for
    /// locator(…)</c> says which locator found nothing, where the bare message only says that time ran out).
    /// </summary>
    private static string? FailedCallMessage(TraceCall? call) =>
        call?.Error is not { } error ? null
        : call.Log.Count == 0 ? error
        : $"{error}\nCall log:\n{string.Join('\n', call.Log.Select(l => "  - " + l))}";

    /// <summary>
    /// The failing call's place: the first frame in test code of the runner's record of the test's last error, else of
    /// the failed call's own stack (runners before 1.44 record no error event, library traces no <c>test.trace</c>).
    /// </summary>
    public static StackFrame? FailingFrame(TraceEvidence trace)
    {
        var stack = trace.TestErrors.Count > 0 && trace.TestErrors[^1].Stack.Count > 0
            ? trace.TestErrors[^1].Stack
            : trace.FailingCall is { Error: not null } call ? call.Stack : [];
        var frames = stack.Select(f => new StackFrame(f.File, f.Line, f.Column, f.Function)).ToList();
        return StackFrame.FirstTestFrame(frames) ?? frames.FirstOrDefault(f => !f.IsFramework);
    }

    /// <summary>The failing call's place from the trace at <paramref name="path"/>, or null when there is none or it cannot be read.</summary>
    public static StackFrame? FailingFrame(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return FailingFrame(TraceReader.Read(path));
        }
        catch (FixEngineException)
        {
            // The trace is other evidence; a broken one leaves the failure without a place, as it was.
            return null;
        }
    }
}
