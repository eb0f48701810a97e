using System.Globalization;
using System.Text;

namespace Praxi.FixEngine.Bench.Logs;

/// <summary>
/// Writes a realistic, seeded CI log of a given size straight to disk (never held in memory): GitHub Actions
/// timestamps and groups, npm install output, web-server access and debug lines, passing Playwright list lines
/// (some titles say "login", "500" or "times out"), ANSI colours, a few very long minified-JSON lines, and — in
/// the last few kilobytes — a Playwright failure whose cause is a backend <c>relation "orders" does not exist</c>.
/// </summary>
/// <remarks>
/// Ids, counts and stock figures are drawn outside 100–599 so that noise never holds a bare HTTP status: the
/// built-in rules read a standalone <c>429</c> or <c>503</c> as a rate limit or gateway error wherever it appears,
/// and the bench checks that the planted failure is found, not how the rules treat random numbers.
/// </remarks>
/// <remarks>
/// Determinism: <see cref="Random(int)"/> with a seed uses the same legacy algorithm on every .NET version, and
/// every number is formatted with the invariant culture, so one seed and size always give the same bytes.
/// </remarks>
internal sealed class LogGenerator
{
    /// <summary>The seed the bench uses unless told otherwise.</summary>
    public const int DefaultSeed = 20260102;

    /// <summary>The text the analyzer must find near the end of every generated log.</summary>
    public const string RootCauseText = "relation \"orders\" does not exist";

    /// <summary>Length of the occasional minified-JSON line.</summary>
    public const int LongLineBytes = 200 * 1024;

    /// <summary>One long line is written per this many bytes of log (and one at a third of the file).</summary>
    private const long LongLineEvery = 24L * 1000 * 1000;

    /// <summary>Smallest size that still holds noise plus the failure tail.</summary>
    public const long MinBytes = 16 * 1024;

    /// <summary>Bytes reserved at the end for the failure (the tail is about 2.3 KB).</summary>
    private const int TailBytes = 2600;

    private static readonly string[] Specs = ["cart.spec.ts", "checkout.spec.ts", "login.spec.ts", "search.spec.ts", "profile.spec.ts", "admin/users.spec.ts", "orders.spec.ts"];

    private static readonly string[] Titles =
    [
        "adds to cart", "removes an item from the cart", "logs in with valid credentials", "shows an error for a wrong password",
        "redirects to login after the session expires", "shows the 500 page when the API fails", "times out gracefully when the API is slow",
        "filters products by category", "sorts by price", "paginates search results", "updates the shipping address",
        "retries a failed payment and shows the error banner", "keeps the basket after a reload", "renders the order history",
        "exports users as CSV", "disables submit until the form is valid", "handles a 404 product", "logout clears the token",
    ];

    private static readonly string[] Paths =
    [
        "/api/products", "/api/products/{0}", "/api/cart", "/api/cart/items/{0}", "/api/auth/login", "/api/auth/refresh", "/api/orders",
        "/api/orders/{0}", "/api/users/me", "/assets/index-4f3a2b1c.js", "/assets/index-9d8e7f6a.css", "/favicon.ico", "/api/search",
    ];

    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"];
    private static readonly int[] Statuses = [200, 200, 200, 200, 200, 201, 204, 304, 304, 404];

    private static readonly string[] Packages =
    [
        "inflight@1.0.6: This module is not supported, and leaks memory. Do not use it. Check out lru-cache if you want a good and tested way to coalesce async requests by a key value, which is much more comprehensive and powerful.",
        "glob@7.2.3: Glob versions prior to v9 are no longer supported",
        "rimraf@3.0.2: Rimraf versions prior to v4 are no longer supported",
        "@humanwhocodes/config-array@0.11.14: Use @eslint/config-array instead",
        "abab@2.0.6: Use your platform's native atob() and btoa() methods instead",
        "domexception@4.0.0: Use your platform's native DOMException instead",
        "querystring@0.2.0: The querystring API is considered Legacy. new code should use the URLSearchParams API instead.",
    ];

    private static readonly string[] BuildLines =
    [
        "vite v5.4.2 building for production...",
        "transforming...",
        "✓ 1423 modules transformed.",
        "rendering chunks...",
        "computing gzip size...",
        "dist/index.html                   0.46 kB │ gzip:   0.30 kB",
        "dist/assets/index-9d8e7f6a.css   24.18 kB │ gzip:   5.02 kB",
        "dist/assets/index-4f3a2b1c.js   512.34 kB │ gzip: 160.12 kB",
        "✓ built in 7.41s",
        "Running 57 tests using 2 workers",
        "> shop@1.4.0 start:test",
        "> node dist/server.js --port 3000",
    ];

    private readonly Random _random;
    private readonly Utf8Sink _sink;
    private readonly char[] _scratch = new char[1024];
    private DateTime _clock = new(2026, 1, 2, 10, 11, 12, DateTimeKind.Utc);
    private int _testNumber;

    private LogGenerator(Stream output, int seed)
    {
        _random = new Random(seed);
        _sink = new Utf8Sink(output);
    }

    /// <summary>Writes a log of about <paramref name="bytes"/> bytes (within one line) to <paramref name="path"/>.</summary>
    public static void Write(string path, long bytes, int seed = DefaultSeed)
    {
        using var file = CreateFile(path);
        Write(file, bytes, seed);
    }

    /// <summary>Writes a log of about <paramref name="bytes"/> bytes to a stream.</summary>
    public static void Write(Stream output, long bytes, int seed = DefaultSeed)
    {
        var generator = new LogGenerator(output, seed);
        generator.WriteLog(Math.Max(bytes, MinBytes));
    }

    /// <summary>Writes a log of one <paramref name="lineBytes"/>-byte line (minified JSON) followed by the failure tail.</summary>
    public static void WriteSingleLongLine(string path, int lineBytes, int seed = DefaultSeed)
    {
        using var file = CreateFile(path);
        var generator = new LogGenerator(file, seed);
        generator.WriteLongLine(lineBytes);
        generator.WriteFailureTail();
        generator._sink.Flush();
    }

    private static FileStream CreateFile(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, FileOptions.SequentialScan);

    private void WriteLog(long bytes)
    {
        var tailAt = bytes - TailBytes;
        var nextLong = bytes / 3;
        var longWritten = 0L;
        Line("##[group]Run actions/checkout@v4");
        Line("Syncing repository: praxi-demo/shop");
        Line("##[endgroup]");
        while (_sink.Written < tailAt)
        {
            if (_sink.Written >= nextLong && _sink.Written + LongLineBytes < tailAt)
            {
                WriteLongLine(LongLineBytes);
                longWritten++;
                nextLong = Math.Max(_sink.Written + 1, longWritten * LongLineEvery);
                continue;
            }

            WriteNoiseLine();
        }

        WriteFailureTail();
        _sink.Flush();
    }

    private void WriteNoiseLine()
    {
        var roll = _random.Next(100);
        switch (roll)
        {
            case < 34:
                PassingTest();
                break;
            case < 62:
                AccessLine();
                break;
            case < 72:
                NpmLine();
                break;
            case < 76:
                GroupLine();
                break;
            case < 86:
                Line(BuildLines[_random.Next(BuildLines.Length)]);
                break;
            default:
                DebugLine();
                break;
        }
    }

    private void PassingTest()
    {
        var spec = Specs[_random.Next(Specs.Length)];
        var title = Titles[_random.Next(Titles.Length)];
        var line = _random.Next(3, 240);
        var col = _random.Next(1, 9);
        var seconds = _random.Next(1, 99) / 10.0;
        var number = ++_testNumber;
        var inv = CultureInfo.InvariantCulture;
        int n;
        if (_random.Next(2) == 0)
        {
            _scratch.AsSpan().TryWrite(inv, $"  \e[32m✓\e[39m  \e[2m{number} [chromium] › {spec}:{line}:{col} › {title}\e[22m \e[2m({seconds:0.0}s)\e[22m", out n);
        }
        else
        {
            _scratch.AsSpan().TryWrite(inv, $"  ✓  {number} [chromium] › {spec}:{line}:{col} › {title} ({seconds:0.0}s)", out n);
        }

        Line(_scratch.AsSpan(0, n));
    }

    private void AccessLine()
    {
        var method = Methods[_random.Next(Methods.Length)];
        var path = string.Format(CultureInfo.InvariantCulture, Paths[_random.Next(Paths.Length)], _random.Next(1000, 10000));
        var status = Statuses[_random.Next(Statuses.Length)];
        var ms = _random.Next(1, 180);
        _scratch.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"[WebServer] {method} {path} {status} {ms}ms", out var n);
        Line(_scratch.AsSpan(0, n));
    }

    private void NpmLine()
    {
        var roll = _random.Next(10);
        int n;
        if (roll < 7)
        {
            _scratch.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"npm warn deprecated {Packages[_random.Next(Packages.Length)]}", out n);
        }
        else if (roll < 9)
        {
            var added = _random.Next(900, 1600);
            _scratch.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"added {added} packages, and audited {added + 1} packages in {_random.Next(12, 60)}s", out n);
        }
        else
        {
            _scratch.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"{_random.Next(600, 900)} packages are looking for funding", out n);
        }

        Line(_scratch.AsSpan(0, n));
    }

    private void GroupLine()
    {
        if (_random.Next(2) == 0)
        {
            Line("##[group]Run npx playwright test --reporter=list");
        }
        else
        {
            Line("##[endgroup]");
        }
    }

    private void DebugLine()
    {
        var id = _random.Next(0x100000, 0xFFFFFF);
        var ms = _random.Next(1, 90);
        var roll = _random.Next(3);
        int n;
        if (roll == 0)
        {
            _scratch.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"[WebServer] {{\"level\":30,\"time\":{1767348672000L + id},\"pid\":77,\"reqId\":\"req-{id:x}\",\"msg\":\"request completed\",\"responseTime\":{ms}}}", out n);
        }
        else if (roll == 1)
        {
            _scratch.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"[WebServer] \e[36mdebug\e[39m: cache hit for catalog page {id % 97} ({ms}ms)", out n);
        }
        else
        {
            _scratch.AsSpan().TryWrite(CultureInfo.InvariantCulture, $"[WebServer] info: session {id:x} refreshed for user-{id % 1000:x3}@example.test", out n);
        }

        Line(_scratch.AsSpan(0, n));
    }

    private void WriteLongLine(int lineBytes)
    {
        Stamp();
        var start = _sink.Written;
        _sink.Append("[WebServer] {\"level\":20,\"msg\":\"catalog snapshot\",\"payload\":[");
        var inv = CultureInfo.InvariantCulture;
        var i = 0;
        while (_sink.Written - start < lineBytes - 200)
        {
            var price = _random.Next(60000, 99999) / 100.0;
            _scratch.AsSpan().TryWrite(inv, $"{(i == 0 ? "" : ",")}{{\"id\":{1000 + i},\"sku\":\"SKU-{_random.Next(100000, 999999)}\",\"name\":\"Product {1000 + i}\",\"price\":{price:0.00},\"tags\":[\"sale\",\"new\"],\"stock\":{_random.Next(0, 100)}}}", out var n);
            _sink.Append(_scratch.AsSpan(0, n));
            i++;
        }

        _sink.Append("]}");
        _sink.EndLine();
    }

    private void WriteFailureTail()
    {
        Line("[WebServer] POST /api/orders 500 34ms");
        Line("  \e[31m✘\e[39m  \e[2m57 [chromium] › checkout.spec.ts:42:7 › checkout › places an order\e[22m \e[2m(5.2s)\e[22m");
        Line(string.Empty);
        Line("  1) [chromium] › checkout.spec.ts:42:7 › checkout › places an order ──────────────────────────────");
        Line(string.Empty);
        Line("    \e[31mError: \e[2mexpect(\e[22mreceived\e[2m).\e[22mtoBe\e[2m(\e[22mexpected\e[2m) // Object.is equality\e[22m\e[39m");
        Line(string.Empty);
        Line("    Expected: \e[32m201\e[39m");
        Line("    Received: \e[31m500\e[39m");
        Line(string.Empty);
        Line("      41 |   const response = await page.request.post('/api/orders', { data: order });");
        Line("      42 |");
        Line("    > 43 |   expect(response.status()).toBe(201);");
        Line("         |                             ^");
        Line("      44 |   await expect(page.getByText('Order confirmed')).toBeVisible();");
        Line(string.Empty);
        Line("        at /home/runner/work/shop/shop/tests/checkout.spec.ts:43:31");
        Line(string.Empty);
        Line("    attachment #1: trace (application/zip) ─────────────────────────────────────────────────────────");
        Line("    test-results/checkout-checkout-places-an-order-chromium/trace.zip");
        Line("    ────────────────────────────────────────────────────────────────────────────────────────────────");
        Line(string.Empty);
        Line("  1 failed");
        Line("    [chromium] › checkout.spec.ts:42:7 › checkout › places an order ───────────────────────────────");
        Line("  56 passed (2.1m)");
        Line("##[error]Process completed with exit code 1.");
        Line("##[group]Run docker compose logs db --no-color");
        Line("db-1  | 2026-01-02 10:58:59.871 UTC [1] LOG:  database system is ready to accept connections");
        Line("db-1  | 2026-01-02 10:59:01.123 UTC [77] ERROR:  " + RootCauseText + " at character 13");
        Line("db-1  | 2026-01-02 10:59:01.123 UTC [77] STATEMENT:  INSERT INTO orders (user_id, total) VALUES ($1, $2) RETURNING id");
        Line("##[endgroup]");
        Line("Post job cleanup.");
        Line("Cleaning up orphan processes");
    }

    private void Line(ReadOnlySpan<char> text)
    {
        Stamp();
        _sink.Append(text);
        _sink.EndLine();
    }

    private void Stamp()
    {
        _clock = _clock.AddTicks(_random.Next(1, 50_000));
        Span<char> stamp = stackalloc char[40];
        _clock.TryFormat(stamp, out var n, "O", CultureInfo.InvariantCulture);
        stamp[n++] = ' ';
        _sink.Append(stamp[..n]);
    }

    /// <summary>A buffered UTF-8 writer that counts the bytes it has produced.</summary>
    private sealed class Utf8Sink(Stream output)
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
        private readonly byte[] _buffer = new byte[1024 * 1024];
        private int _used;

        public long Written { get; private set; }

        public void Append(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                // Encode in slices that always fit (3 bytes per char at most); never split a surrogate pair.
                var room = (_buffer.Length - _used) / 3;
                if (room < 2)
                {
                    Flush();
                    continue;
                }

                var take = Math.Min(room, text.Length);
                if (take < text.Length && char.IsHighSurrogate(text[take - 1]))
                {
                    take--;
                }

                var n = Utf8.GetBytes(text[..take], _buffer.AsSpan(_used));
                _used += n;
                Written += n;
                text = text[take..];
            }
        }

        public void EndLine()
        {
            if (_used == _buffer.Length)
            {
                Flush();
            }

            _buffer[_used++] = (byte)'\n';
            Written++;
        }

        public void Flush()
        {
            output.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
