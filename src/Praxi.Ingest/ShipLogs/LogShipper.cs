using System.Net;
using System.Net.Http.Headers;

namespace Praxi.Ingest.ShipLogs;

/// <summary>
/// Posts a written body with a timeout per attempt and retries with exponential, jittered backoff on 408, 429, 5xx,
/// transport errors and timeouts, honouring <c>Retry-After</c> (capped), with the same <c>Idempotency-Key</c> on every
/// attempt. Never retries another 4xx. Redirects are not followed (a POST with a token is not replayed elsewhere).
/// </summary>
internal sealed class LogShipper(HttpMessageHandler handler, ShipOptions options)
{
    /// <summary>The longest wait a <c>Retry-After</c> can impose.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>At most this much of an answer is read.</summary>
    public const int MaxAnswerBytes = 4 * 1024 * 1024;

    /// <summary>Sends the body in <paramref name="bodyPath"/>; reports each retry through <paramref name="retrying"/>.</summary>
    public async Task<ShipOutcome> SendAsync(string bodyPath, string token, string idempotencyKey, Func<string, Task> retrying, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        string? lastFailure = null;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            using (var perAttempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                perAttempt.CancelAfter(options.Timeout);
                try
                {
                    var body = new FileStream(bodyPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
                    await using var disposing = body.ConfigureAwait(false);
                    using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new StreamContent(body) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
                    request.Headers.UserAgent.Add(new ProductInfoHeaderValue("praxi-ship-logs", "1"));
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, perAttempt.Token).ConfigureAwait(false);
                    var answer = await ReadAnswerAsync(response, perAttempt.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return new ShipOutcome(true, status, answer, null, attempt);
                    }

                    lastFailure = $"HTTP {status} {response.ReasonPhrase}{ShipAnswer.DescribeProblem(answer)}";
                    if (!Retryable(response.StatusCode))
                    {
                        return new ShipOutcome(false, status, answer, lastFailure, attempt);
                    }

                    retryAfter = RetryAfter(response);
                }
                catch (HttpRequestException ex)
                {
                    lastFailure = $"transport error ({ex.HttpRequestError}: {RunFolder.Printable(ex.Message)})";
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    lastFailure = $"no answer within {options.Timeout.TotalSeconds:0.#} s";
                }
            }

            if (attempt > options.Retries)
            {
                return new ShipOutcome(false, null, null, $"{lastFailure} after {attempt} attempt(s)", attempt);
            }

            var backoff = TimeSpan.FromMilliseconds(options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * (0.8 + (0.4 * Random.Shared.NextDouble())));
            var delay = retryAfter is { } ra ? (ra > MaxRetryAfter ? MaxRetryAfter : ra) : backoff;
            await retrying($"attempt {attempt} failed ({lastFailure}); retrying in {delay.TotalSeconds:0.#} s").ConfigureAwait(false);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool Retryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static async Task<byte[]> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, (int)Math.Min(read, Math.Max(0, MaxAnswerBytes - buffer.Length)));
            }

            return buffer.ToArray();
        }
    }
}
