namespace Praxi.Ingest.ShipLogs;

/// <summary>One file found under the artifacts folder.</summary>
/// <param name="Name">Relative name with '/'.</param>
/// <param name="FullPath">Where it is on disk.</param>
/// <param name="IsLog">Sent in <c>logs[]</c> (else <c>artifacts[]</c>).</param>
/// <param name="Rank">Which goes first when the body is too large: videos 0, screenshots 1, other binaries (traces) 2, text reports 3, logs last.</param>
/// <param name="Length">The file's size on disk.</param>
/// <param name="Content">A log's text (its tail when it is larger than the body); null for artifacts, read when sent (<see cref="RunFolder.Load"/>).</param>
/// <param name="Encoding"><c>utf-8</c> or <c>base64</c>.</param>
/// <param name="SkippedHead">Bytes at the start of a log that were never read.</param>
/// <param name="EntryBytes">The exact bytes this file's entry adds to the body when sent whole (<see cref="long.MaxValue"/> when larger than any body).</param>
internal sealed record RunFileCandidate(string Name, string FullPath, bool IsLog, int Rank, long Length, byte[]? Content, string Encoding, long SkippedHead, long EntryBytes);
