namespace Praxi.Ingest.ShipLogs;

/// <summary>How the post ended.</summary>
/// <param name="Delivered">A 2xx answer.</param>
/// <param name="Status">The last status, when an answer came.</param>
/// <param name="Answer">The last answer's body (at most <see cref="LogShipper.MaxAnswerBytes"/>).</param>
/// <param name="Failure">Why it was not delivered, one line.</param>
/// <param name="Attempts">Attempts made.</param>
internal sealed record ShipOutcome(bool Delivered, int? Status, byte[]? Answer, string? Failure, int Attempts);
