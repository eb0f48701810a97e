using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Praxi.Hosting;

/// <summary>A request body read under a cap: the bytes, or the problem to answer with.</summary>
/// <param name="Bytes">The body, when it was read.</param>
/// <param name="Error">The problem (413, 415, 400), when it was not.</param>
public sealed record JsonBodyResult(ReadOnlyMemory<byte> Bytes, ProblemResult? Error);

/// <summary>Reads a JSON request body with a byte cap, checking the content type first.</summary>
public static class JsonBody
{
    /// <summary>
    /// Checks the content type (<c>application/json</c>, charset UTF-8 when given: else 415), refuses a declared
    /// <c>Content-Length</c> over <paramref name="maxBytes"/> before reading (413), and counts a chunked body while
    /// reading it (413 as soon as it passes the cap).
    /// </summary>
    public static async Task<JsonBodyResult> ReadAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return new JsonBodyResult(default, ProblemResult.UnsupportedMediaType());
        }

        if (request.ContentLength > maxBytes)
        {
            return new JsonBodyResult(default, ProblemResult.TooLarge(maxBytes));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // The cap is counted here; the server's own limit only needs to stay out of the way.
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        var writer = new ArrayBufferWriter<byte>(request.ContentLength is { } length ? (int)Math.Max(1, length) : 64 * 1024);
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(64 * 1024);
                var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);
                if (writer.WrittenCount > maxBytes)
                {
                    return new JsonBodyResult(default, ProblemResult.TooLarge(maxBytes));
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new JsonBodyResult(default, ProblemResult.TooLarge(maxBytes));
        }
        catch (BadHttpRequestException)
        {
            return new JsonBodyResult(default, new ProblemResult(StatusCodes.Status400BadRequest, "incomplete_body", "Incomplete body", "The request body ended early or was malformed."));
        }

        return new JsonBodyResult(writer.WrittenMemory, null);
    }

    /// <summary>True for <c>application/json</c> with no charset or a UTF-8 one.</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        if (!media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var charset = media.Charset;
        return !charset.HasValue || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
