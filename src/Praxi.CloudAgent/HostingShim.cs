using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Praxi.CloudAgent;

/// <summary>Body reading until Praxi.Hosting is merged: JSON content type (415) and a 25 MB cap (413).</summary>
internal static class HostingShim
{
    public const long MaxBodyBytes = 25L * 1024 * 1024;

    public static async Task<(byte[]? Body, IResult? Error)> ReadJsonBodyAsync(HttpContext http)
    {
        var type = http.Request.ContentType;
        if (type is null || !(type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("application/json;charset=utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, CloudAgentApp.Problem(415, "unsupported_media_type", "Unsupported Media Type", "The body must be application/json (UTF-8)."));
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (null, CloudAgentApp.Problem(413, "payload_too_large", "Payload Too Large", $"The body is larger than {MaxBodyBytes} bytes."));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(64 * 1024);
            var read = await http.Request.Body.ReadAsync(memory, http.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                return (null, CloudAgentApp.Problem(413, "payload_too_large", "Payload Too Large", $"The body is larger than {MaxBodyBytes} bytes."));
            }
        }

        return (buffer.WrittenSpan.ToArray(), null);
    }
}
