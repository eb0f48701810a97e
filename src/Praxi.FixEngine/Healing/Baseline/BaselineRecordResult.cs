namespace Praxi.FixEngine.Healing.Baseline;

/// <summary>What <see cref="BaselineRecorder.RecordAsync"/> did.</summary>
/// <param name="Summary">One line: traces and calls read, entries recorded, calls skipped and why.</param>
/// <param name="Recorded">Entries this recording contributed.</param>
/// <param name="StoreEntries">Entries in the store after the merge.</param>
public sealed record BaselineRecordResult(string Summary, int Recorded, int StoreEntries);
