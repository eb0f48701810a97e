using System.Net.Sockets;
using System.Text;

namespace Praxi.Hosts.Tests;

/// <summary>HTTP/1.1 over a plain socket, for what HttpClient will not send (a lying Content-Length, a stalled body).</summary>
internal sealed class RawHttp : IDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream? _stream;

    public static async Task<RawHttp> ConnectAsync(Uri baseAddress)
    {
        var raw = new RawHttp();
        await raw._client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        raw._stream = raw._client.GetStream();
        return raw;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.ASCII.GetBytes(text));

    public async Task SendAsync(byte[] bytes)
    {
        await _stream!.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Reads until the headers and (when it has a Content-Length) the body of the answer are in, or the peer closes.</summary>
    public async Task<string> ReadResponseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        try
        {
            while (true)
            {
                var read = await _stream!.ReadAsync(buffer, cts.Token);
                if (read == 0)
                {
                    break;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
                var all = text.ToString();
                var end = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0 && (all.Contains("\r\n0\r\n\r\n", StringComparison.Ordinal) || HasFullBody(all, end)))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
        }

        return text.ToString();
    }

    private static bool HasFullBody(string all, int headerEnd)
    {
        var marker = "content-length:";
        var at = all.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0 || at > headerEnd)
        {
            return false;
        }

        var lineEnd = all.IndexOf("\r\n", at, StringComparison.Ordinal);
        var length = int.Parse(all.AsSpan(at + marker.Length, lineEnd - at - marker.Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return Encoding.UTF8.GetByteCount(all[(headerEnd + 4)..]) >= length;
    }

    /// <summary>Whether the server has sent anything back (an answer, so the request no longer waits).</summary>
    public bool HasAnswered => _client.Available > 0;

    public void Dispose()
    {
        _stream?.Dispose();
        _client.Dispose();
    }
}
