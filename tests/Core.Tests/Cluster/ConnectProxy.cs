using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RunnerConsole.Core.Tests.Cluster;

/// <summary>
/// A forward proxy for HTTPS, as corporate proxies and bastions are: <c>CONNECT host:port</c>, then bytes both ways. It
/// records each tunnel, and when given credentials (<c>user:password</c>) it answers 407 to a request without them (Basic).
/// </summary>
internal sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string? _expected;
    private readonly Task _accepting;

    public ConnectProxy(string? credentials = null)
    {
        _expected = credentials is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Address { get; }

    /// <summary>Targets of the tunnels opened (<c>host:port</c>), in order.</summary>
    public ConcurrentQueue<string> Tunnels { get; } = new();

    /// <summary>Requests answered 407 (no or wrong credentials).</summary>
    public int Refused => _refused;

    private int _refused;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                while (await ReadHeadAsync(stream) is { } head)
                {
                    var lines = head.Split("\r\n");
                    var parts = lines[0].Split(' ');
                    var authorization = lines.Skip(1).FirstOrDefault(l => l.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase))?["Proxy-Authorization:".Length..].Trim();
                    if (parts is not ["CONNECT", _, _])
                    {
                        await WriteAsync(stream, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
                        return;
                    }

                    if (_expected is not null && authorization != _expected)
                    {
                        Interlocked.Increment(ref _refused);
                        await WriteAsync(stream, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n");
                        continue;
                    }

                    var target = parts[1];
                    var colon = target.LastIndexOf(':');
                    using var upstream = new TcpClient();
                    await upstream.ConnectAsync(target[..colon].Trim('[', ']'), int.Parse(target[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), _stop.Token);
                    Tunnels.Enqueue(target);
                    await WriteAsync(stream, "HTTP/1.1 200 Connection Established\r\n\r\n");
                    var up = upstream.GetStream();
                    await Task.WhenAny(stream.CopyToAsync(up, _stop.Token), up.CopyToAsync(stream, _stop.Token));
                    return;
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A client or target that went away ends its tunnel.
            }
        }
    }

    // The request head, byte by byte up to the blank line (the tunnel's bytes follow it); null at end of stream.
    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 16_384)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n')
            {
                return Encoding.ASCII.GetString([.. head]);
            }
        }

        return null;
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();
}
