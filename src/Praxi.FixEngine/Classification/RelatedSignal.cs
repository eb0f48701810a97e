using Praxi.FixEngine.Logs;

namespace Praxi.FixEngine.Classification;

/// <summary>A log block that belongs to a failure, with its score computed once for the whole run.</summary>
/// <param name="Signal">The block.</param>
/// <param name="Linked">True when a time window or request path ties it to the failure.</param>
/// <param name="Score">The block's per-type scores.</param>
internal sealed record RelatedSignal(LogSignal Signal, bool Linked, BlockScore Score);
