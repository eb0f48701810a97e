using System.ComponentModel;
using System.Diagnostics;

namespace Praxi.FixEngine.Running;

/// <summary>
/// Runs one program with an argument list — never through a shell, so no text becomes code — with a time limit.
/// Standard input is closed at once; output is tailed (<see cref="OutputTail"/>). On the time limit or the caller's
/// cancellation the whole process tree is killed. A process that exits while a background child still holds its output
/// open (a server it started) is not waited for beyond a short grace period.
/// </summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="command"/> (program, then its arguments) in <paramref name="workingDirectory"/>.</summary>
    /// <param name="command">Program and arguments, each passed verbatim.</param>
    /// <param name="workingDirectory">An existing folder.</param>
    /// <param name="timeout">The time limit.</param>
    /// <param name="environment">Variables to set (a null value removes one) on top of this process's environment.</param>
    /// <param name="cancellationToken">Kills the process tree when cancelled; the outcome then says timed out.</param>
    /// <returns>How it ended; never throws for a program that cannot start.</returns>
    public static async Task<ProcessOutcome> RunAsync(
        IReadOnlyList<string> command,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0 || string.IsNullOrWhiteSpace(command[0]))
        {
            return new ProcessOutcome(null, false, TimeSpan.Zero, string.Empty, "the command is empty");
        }

        if (!Directory.Exists(workingDirectory))
        {
            return new ProcessOutcome(null, false, TimeSpan.Zero, string.Empty, $"the working folder '{workingDirectory}' does not exist");
        }

        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
                extra[name] = value;
            }
        }

        var tail = new OutputTail(secrets: OutputTail.SecretsOf(extra));
        using var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        var clock = Stopwatch.StartNew();
        try
        {
            if (!process.Start())
            {
                return new ProcessOutcome(null, false, clock.Elapsed, string.Empty, $"'{command[0]}' did not start");
            }
        }
        catch (Win32Exception ex)
        {
            return new ProcessOutcome(null, false, clock.Elapsed, string.Empty, $"cannot run '{command[0]}': {ex.Message}");
        }

        process.StandardInput.Close();
        var readers = Task.WhenAll(PumpAsync(process.StandardOutput, tail), PumpAsync(process.StandardError, tail));
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await exited.Task.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            Kill(process);
            try
            {
                await exited.Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                tail.Add("[praxi: the process did not exit 10 s after it was killed]");
            }
        }

        var duration = clock.Elapsed;
        try
        {
            await readers.WaitAsync(DrainGrace, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            tail.Add("[praxi: the process exited but something it started still holds its output; stopped reading]");
        }

        if (timedOut)
        {
            tail.Add($"[praxi: killed after {timeout.TotalSeconds:0.#} s]");
        }

        return new ProcessOutcome(timedOut || !process.HasExited ? null : process.ExitCode, timedOut, duration, tail.ToString(), null);
    }

    private static async Task PumpAsync(StreamReader reader, OutputTail tail)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                tail.Add(line);
            }
        }
        catch (IOException)
        {
            // The pipe broke when the tree was killed: what was read is kept.
        }
        catch (ObjectDisposedException)
        {
            // Reading outlived the process object (a background child held the pipe): nothing more to keep.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
        catch (Win32Exception)
        {
            // Part of the tree could not be signalled (already gone).
        }
    }
}
