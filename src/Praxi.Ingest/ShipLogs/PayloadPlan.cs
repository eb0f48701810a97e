using System.Globalization;
using System.Text;
using Praxi.FixEngine;

namespace Praxi.Ingest.ShipLogs;

/// <summary>
/// Fits a run's files into a body of at most a given size, with exact sizes (base64 growth and JSON escaping counted):
/// first artifacts are skipped, least useful and largest first: videos and screenshots until the logs fit whole, then
/// other binaries (traces) and text reports until the logs can have at least half of the body; then logs larger than their share are cut to their tail (the
/// failure is usually at the end) behind a marker line. Every skip and cut is said in <see cref="Notes"/>.
/// </summary>
internal sealed class PayloadPlan
{
    /// <summary>A log cut to less than this is dropped instead: a few hundred bytes of tail explain nothing.</summary>
    public const int MinLogTailBytes = 1024;

    private PayloadPlan(CiRunPayload payload, IReadOnlyList<string> notes, int skipped, int truncated)
    {
        Payload = payload;
        Notes = notes;
        Skipped = skipped;
        Truncated = truncated;
    }

    /// <summary>The payload to send.</summary>
    public CiRunPayload Payload { get; }

    /// <summary>What was skipped or cut, and why: one line each.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Files not sent because of the size cap.</summary>
    public int Skipped { get; }

    /// <summary>Logs sent as their tail only.</summary>
    public int Truncated { get; }

    /// <summary>Plans the body for <paramref name="files"/> under <paramref name="maxBytes"/>.</summary>
    public static PayloadPlan Create(CiRunPayload envelope, IReadOnlyList<RunFileCandidate> files, long maxBytes)
    {
        var notes = new List<string>();
        var skipped = 0;
        var truncated = 0;
        var budget = maxBytes - CiRunPayloadWriter.EnvelopeBytes(envelope);
        if (budget <= 0)
        {
            throw new FixEngineException($"--max-bytes {maxBytes} cannot hold even the run's metadata; raise it.");
        }

        var artifacts = files.Where(f => !f.IsLog).ToList();
        var logs = files.Where(f => f.IsLog).ToList();
        var logBytes = logs.Sum(f => f.EntryBytes);
        var artifactBytes = artifacts.Sum(f => Math.Min(f.EntryBytes, maxBytes + 1));

        // Artifacts go, least useful and largest first: videos and screenshots until the logs fit whole, then traces
        // and reports until the logs (or half the body, when they are larger) fit.
        var logClaim = Math.Min(logBytes, budget / 2);
        foreach (var drop in artifacts.OrderBy(f => f.Rank).ThenByDescending(f => f.EntryBytes).ToList())
        {
            if (artifactBytes + (drop.Rank <= 1 ? logBytes : logClaim) <= budget)
            {
                break;
            }

            artifacts.Remove(drop);
            artifactBytes -= Math.Min(drop.EntryBytes, maxBytes + 1);
            skipped++;
            notes.Add($"skipped '{RunFolder.Printable(drop.Name)}' ({ByteCount.Format(drop.Length)}): the body would exceed {ByteCount.Format(maxBytes)}");
        }

        // The logs share what is left; the smaller ones go whole, the larger ones are cut to an equal share each.
        var sentLogs = new Dictionary<RunFileCandidate, byte[]>();
        var left = budget - artifactBytes;
        var bySize = logs.OrderBy(f => f.EntryBytes).ToList();
        for (var i = 0; i < bySize.Count; i++)
        {
            var log = bySize[i];
            var share = left / (bySize.Count - i);
            if (log.EntryBytes <= share && log.SkippedHead == 0)
            {
                sentLogs[log] = log.Content!;
                left -= log.EntryBytes;
                continue;
            }

            var overhead = CiRunPayloadWriter.FileBytes(log.Name, 0, "utf-8");
            var tail = Tail(log, Math.Min(share, log.EntryBytes) - overhead);
            if (tail is null)
            {
                skipped++;
                notes.Add($"skipped log '{RunFolder.Printable(log.Name)}' ({ByteCount.Format(log.Length)}): no room left for its tail under {ByteCount.Format(maxBytes)}");
                continue;
            }

            sentLogs[log] = tail;
            left -= overhead + CiRunPayloadWriter.StringValueBytes(tail);
            truncated++;
            notes.Add($"truncated log '{RunFolder.Printable(log.Name)}' to its last {ByteCount.Format(tail.LongLength)} of {ByteCount.Format(log.Length)}: the body would exceed {ByteCount.Format(maxBytes)}");
        }

        var payload = envelope with
        {
            Logs = [.. logs.Where(sentLogs.ContainsKey).Select(l => new CiRunFile(l.Name, sentLogs[l], "utf-8"))],
            Artifacts = [.. artifacts.Select(a => new CiRunFile(a.Name, RunFolder.Load(a), a.Encoding))],
        };
        return new PayloadPlan(payload, notes, skipped, truncated);
    }

    /// <summary>
    /// The log's last lines whose JSON value (quotes and a marker line included) takes at most <paramref name="valueBytes"/>,
    /// or null when that leaves less than <see cref="MinLogTailBytes"/>.
    /// </summary>
    private static byte[]? Tail(RunFileCandidate log, long valueBytes)
    {
        var content = log.Content!;
        var marker = Marker(log.Length, log.Length);
        var room = valueBytes - 2 - marker.Length;
        if (room < MinLogTailBytes)
        {
            return null;
        }

        // Escaping only grows text, so no suffix longer than the room fits; cutting the excess off the front makes the
        // escaped size drop by at least the excess, so this settles in one or two measurements.
        var span = content.AsSpan();
        var start = (int)Math.Max(0, content.LongLength - room);
        start = CodePointStart(span, start);
        var size = CiRunPayloadWriter.EscapedBytes(span[start..]);
        while (size > room)
        {
            start = CodePointStart(span, start + (int)Math.Min(size - room, int.MaxValue - start));
            size = CiRunPayloadWriter.EscapedBytes(span[start..]);
        }

        // Start on a line when one starts near the cut.
        var newline = span[start..Math.Min(span.Length, start + 4096)].IndexOf((byte)'\n');
        if (start > 0 && newline >= 0 && start + newline + 1 < span.Length)
        {
            start += newline + 1;
        }

        var kept = span[start..];
        var text = Marker(kept.Length, log.Length);
        var result = new byte[text.Length + kept.Length];
        text.CopyTo(result, 0);
        kept.CopyTo(result.AsSpan(text.Length));
        return result;
    }

    private static byte[] Marker(long kept, long of) =>
        Encoding.UTF8.GetBytes($"[praxi ship-logs: log truncated to its last {kept.ToString(CultureInfo.InvariantCulture)} of {of.ToString(CultureInfo.InvariantCulture)} bytes]\n");

    private static int CodePointStart(ReadOnlySpan<byte> utf8, int index)
    {
        while (index < utf8.Length && (utf8[index] & 0xC0) == 0x80)
        {
            index++;
        }

        return Math.Min(index, utf8.Length);
    }
}
