using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Praxi.FixEngine.Bench.Logs;

/// <summary>Runs <c>grep -c -F -i -f ANCHORS FILE</c> as a process (argument list, no shell) and times it.</summary>
internal static class GrepProbe
{
    public static GrepMeasurement Measure(string file, string anchorsFile, RepeatPolicy repeat, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        long matches = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = new ProcessStartInfo("grep")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])["-c", "-F", "-i", "-f", anchorsFile, file])
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            Process? grep;
            try
            {
                grep = Process.Start(start);
            }
            catch (Win32Exception)
            {
                return GrepMeasurement.Unavailable;
            }

            if (grep is null)
            {
                return GrepMeasurement.Unavailable;
            }

            using (grep)
            {
                var stdout = grep.StandardOutput.ReadToEnd();
                var stderr = grep.StandardError.ReadToEnd();
                grep.WaitForExit();
                watch.Stop();
                if (grep.ExitCode > 1)
                {
                    throw new FixEngineException($"grep failed on '{file}' (exit {grep.ExitCode}): {stderr.Trim()}");
                }

                matches = long.Parse(stdout.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        while (repeat.WantsMore(times));

        return new GrepMeasurement(true, times.Count, RepeatPolicy.Median(times), times.Min(), matches);
    }
}
