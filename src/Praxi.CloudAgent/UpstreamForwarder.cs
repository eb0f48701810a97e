using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Praxi.CloudAgent;

/// <summary>
/// Sends a validated run's original bytes to DeveloperAgent through the resilient client and sorts the outcome into a
/// <see cref="ForwardResult"/>. Every attempt carries the same body, the same bearer token and the same
/// <c>Idempotency-Key</c>, so a retry after a lost answer cannot store the run twice.
/// </summary>
internal sealed class UpstreamForwarder(IHttpClientFactory clients, UpstreamSettings upstream, ForwardingOptions options)
{
    /// <summary>Forwards <paramref name="body"/> unchanged.</summary>
    public async Task<ForwardResult> ForwardAsync(ArraySegment<byte> body, string idempotencyKey, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ForwardingPipeline.ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, upstream.ProcessLogs)
        {
            // ByteArrayContent can be serialised again for every attempt the retry makes with this same message.
            Content = new ByteArrayContent(body.Array!, body.Offset, body.Count),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", upstream.Token);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return Parse(bytes, status);
            }

            if (response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                return new ForwardResult.Timeout($"DeveloperAgent answered 408 (request timeout) on every attempt ({Elapsed(started)}).");
            }

            if (ForwardingPipeline.IsTransient(response.StatusCode))
            {
                return new ForwardResult.BadGateway($"DeveloperAgent answered {status} on every attempt ({Elapsed(started)}).");
            }

            if (status is >= 400 and < 500)
            {
                return new ForwardResult.Refused(status, response.Content.Headers.ContentType?.ToString(), bytes);
            }

            return new ForwardResult.BadGateway($"DeveloperAgent answered an unexpected {status}.");
        }
        catch (BrokenCircuitException)
        {
            return new ForwardResult.BadGateway($"circuit open: DeveloperAgent failed too often recently; forwarding resumes after at most {options.BreakerBreakDuration.TotalSeconds:0.#} s.", CircuitOpen: true);
        }
        catch (TimeoutRejectedException)
        {
            return new ForwardResult.Timeout($"DeveloperAgent did not answer in time ({Elapsed(started)}; per attempt {options.AttemptTimeout.TotalSeconds:0.#} s, total {options.TotalTimeout.TotalSeconds:0.#} s).");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ForwardResult.Timeout($"DeveloperAgent's answer did not arrive within {options.TotalTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return new ForwardResult.BadGateway($"DeveloperAgent could not be reached ({Transport(ex)}) on every attempt ({Elapsed(started)}).");
        }
    }

    private static ForwardResult Parse(byte[] bytes, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return new ForwardResult.Accepted(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return new ForwardResult.BadGateway($"DeveloperAgent answered {status} with a body that is not JSON.");
        }
    }

    private static string Elapsed(long started) => $"{Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s";

    private static string Transport(HttpRequestException ex) =>
        ex.HttpRequestError == HttpRequestError.Unknown ? "transport error" : ex.HttpRequestError.ToString();
}
