using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Sandbox.Api;
using RunnerConsole.Sandbox.Controllers;
using RunnerConsole.Sandbox.Faults;
using RunnerConsole.Sandbox.Storage;

namespace RunnerConsole.Sandbox;

/// <summary>
/// An in-memory Kubernetes API server on a loopback port that the real <c>kubectl</c> and <c>helm</c> accept.
/// Start it with <see cref="StartAsync"/>, point clients at <see cref="WriteKubeconfig"/>, dispose to stop.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    /// <summary>The Kubernetes version the sandbox reports on <c>/version</c>.</summary>
    public const string KubernetesVersion = "v1.35.0";

    /// <summary>The user every request is authenticated as (what <c>kubectl auth whoami</c> and Forbidden messages show).</summary>
    public const string UserName = "system:serviceaccount:sandbox:sandbox-user";

    /// <summary>Name of the kubeconfig context, cluster and user the sandbox writes.</summary>
    public const string ContextName = "sandbox";

    private readonly CancellationTokenSource _stopping = new();
    private readonly SandboxOptions _options;
    private WebApplication? _app;
    private KubeApi? _api;
    private SandboxCertificate? _certificate;
    private int _connectionsAccepted;
    private int _connectionsOpen;
    private int _disposed;

    private SandboxServer(SandboxOptions options)
    {
        _options = options;
        Time = options.TimeProvider;
        Latency = options.Latency;
        foreach (var rule in options.Faults)
        {
            Faults.Add(rule);
        }

        Controllers = new WorkloadControllers(this) { Delay = options.ControllerDelay };
    }

    internal ObjectStore Store { get; } = new();

    /// <summary>The resources served (built-in plus custom resource definitions).</summary>
    public ResourceCatalog Catalog { get; } = new();

    internal TimeProvider Time { get; }

    internal CancellationToken Stopping => _stopping.Token;

    internal KubeApi Api => _api!;

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c> (<c>https://</c> with <see cref="SandboxOptions.Tls"/>).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Whether the sandbox serves HTTPS (<see cref="SandboxOptions.Tls"/>).</summary>
    public bool Tls => _certificate is not null;

    /// <summary>The PEM of the CA that signed the server certificate (what the kubeconfig trusts); null without TLS.</summary>
    public string? CertificateAuthorityPem => _certificate?.AuthorityPem;

    /// <summary>
    /// Connections accepted since start (on a TLS sandbox each one is a TLS handshake). With <see cref="RequestLogEntry.ConnectionId"/>
    /// this shows whether a client reuses its connections (HTTP/2 multiplexing) or opens one per request in flight.
    /// </summary>
    public int ConnectionsAccepted => Volatile.Read(ref _connectionsAccepted);

    /// <summary>Connections open right now.</summary>
    public int ConnectionsOpen => Volatile.Read(ref _connectionsOpen);

    /// <summary>The bearer token the kubeconfig carries.</summary>
    public string Token => _options.Token;

    /// <summary>See <see cref="SandboxOptions.RequireToken"/>.</summary>
    public bool RequiresToken => _options.RequireToken;

    /// <summary>Latency added to every request; settable while running.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Fault rules; add or clear while running.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Every answered request (method, path, query, status, duration, user agent, verb, resource).</summary>
    public RequestLog Log { get; } = new();

    /// <summary>The simulated controllers and their per-object behaviour overrides.</summary>
    public WorkloadControllers Controllers { get; }

    /// <summary>Starts a sandbox on a loopback port and returns once it answers requests.</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        var server = new SandboxServer(options);
        var address = options.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(options.Host);
        if (options.Tls)
        {
            server._certificate = SandboxCertificate.Create(address);
        }

        server._api = new KubeApi(server);
        server.Seed();
        if (options.StatePath is { } path && File.Exists(path))
        {
            StateFile.Load(server, path);
        }

        // The empty builder (the slim builder minus configuration files, their file watchers and logging): with Kestrel
        // alone a sandbox starts in a few milliseconds and costs well under a megabyte.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            // An API server allows at least 250 concurrent streams per HTTP/2 connection (Go's default); Kestrel's is 100.
            k.Limits.Http2.MaxStreamsPerConnection = 250;
            k.Listen(address, options.Port, listen =>
            {
                listen.Use(next => connection => server.CountConnectionAsync(next, connection));
                if (server._certificate is { } certificate)
                {
                    // ALPN offers h2 and http/1.1, as kube-apiserver does; plain http stays HTTP/1.1 only.
                    listen.Protocols = HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(certificate.Server);
                }
            });
        });
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        // The host must not take over Ctrl+C / SIGTERM of the process it runs in (tests, the console).
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, PassiveLifetime>();
        var app = builder.Build();
        app.Run(server._api.HandleAsync);
        await app.StartAsync(cancellationToken);
        server._app = app;
        var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(listening.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        if (options.EnableControllers)
        {
            server.Controllers.Start();
        }

        return server;
    }

    private async Task CountConnectionAsync(ConnectionDelegate next, ConnectionContext connection)
    {
        Interlocked.Increment(ref _connectionsAccepted);
        Interlocked.Increment(ref _connectionsOpen);
        try
        {
            await next(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _connectionsOpen);
        }
    }

    private void Seed()
    {
        var now = Json.Timestamp(Time.GetUtcNow());
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            Store.Put("namespaces", new JsonObject
            {
                ["kind"] = "Namespace",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject
                {
                    ["name"] = ns,
                    ["uid"] = Guid.NewGuid().ToString(),
                    ["creationTimestamp"] = now,
                    ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ns },
                },
                ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            });
        }

        Store.Put("nodes", new JsonObject
        {
            ["kind"] = "Node",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = WorkloadControllers.NodeName,
                ["uid"] = Guid.NewGuid().ToString(),
                ["creationTimestamp"] = now,
                ["labels"] = new JsonObject
                {
                    ["kubernetes.io/hostname"] = WorkloadControllers.NodeName,
                    ["kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = "amd64",
                    ["node-role.kubernetes.io/control-plane"] = "",
                },
            },
            ["spec"] = new JsonObject(),
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True", ["reason"] = "KubeletReady", ["message"] = "simulated node", ["lastTransitionTime"] = now }),
                ["nodeInfo"] = new JsonObject { ["kubeletVersion"] = KubernetesVersion, ["operatingSystem"] = "linux", ["architecture"] = "amd64", ["containerRuntimeVersion"] = "sandbox://simulated" },
                ["capacity"] = new JsonObject { ["cpu"] = "8", ["memory"] = "32Gi", ["pods"] = "110" },
                ["allocatable"] = new JsonObject { ["cpu"] = "8", ["memory"] = "32Gi", ["pods"] = "110" },
            },
        });

        Store.Put("services", new JsonObject
        {
            ["kind"] = "Service",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = "kubernetes",
                ["namespace"] = "default",
                ["uid"] = Guid.NewGuid().ToString(),
                ["creationTimestamp"] = now,
                ["labels"] = new JsonObject { ["component"] = "apiserver", ["provider"] = "kubernetes" },
            },
            ["spec"] = new JsonObject
            {
                ["type"] = "ClusterIP",
                ["clusterIP"] = "10.96.0.1",
                ["clusterIPs"] = new JsonArray("10.96.0.1"),
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "https", ["port"] = 443, ["protocol"] = "TCP", ["targetPort"] = 6443 }),
                ["sessionAffinity"] = "None",
            },
            ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() },
        });
    }

    /// <summary>
    /// The kubeconfig (YAML) for this sandbox: context, cluster and user named <c>sandbox</c>, bearer token; with TLS the
    /// <c>https://</c> server and its CA as <c>certificate-authority-data</c> (verified normally, no insecure skip).
    /// </summary>
    public string Kubeconfig(string? defaultNamespace = "default")
    {
        var server = BaseAddress.GetLeftPart(UriPartial.Authority);
        var sb = new StringBuilder();
        sb.Append("apiVersion: v1\nkind: Config\n");
        sb.Append(CultureInfo.InvariantCulture, $"clusters:\n- name: {ContextName}\n  cluster:\n    server: {server}\n");
        if (CertificateAuthorityPem is { } ca)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(ca))}\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"contexts:\n- name: {ContextName}\n  context:\n    cluster: {ContextName}\n    user: {ContextName}\n");
        if (defaultNamespace is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    namespace: {defaultNamespace}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"current-context: {ContextName}\n");
        sb.Append(CultureInfo.InvariantCulture, $"users:\n- name: {ContextName}\n  user:\n    token: {Token}\n");
        sb.Append("preferences: {}\n");
        return sb.ToString();
    }

    /// <summary>Writes <see cref="Kubeconfig"/> to <paramref name="path"/> (creating directories) and returns the full path.</summary>
    public string WriteKubeconfig(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, Kubeconfig());
        return full;
    }

    /// <summary>A stored object as JSON (a copy), or null. <paramref name="resource"/> is the plural, e.g. <c>deployments</c>.</summary>
    public JsonObject? GetObject(string group, string resource, string? ns, string name)
    {
        var type = Catalog.All.FirstOrDefault(t => t.Group == group && t.Plural == resource)
            ?? throw new ArgumentException($"the sandbox does not serve {resource} in group '{group}'", nameof(resource));
        return Store.Get(type.StorageKey, ns ?? "", name) is { } stored ? (JsonObject)JsonNode.Parse(stored.Bytes)! : null;
    }

    /// <summary>All stored objects of a resource (copies), optionally in one namespace.</summary>
    public IReadOnlyList<JsonObject> ListObjects(string group, string resource, string? ns = null)
    {
        var type = Catalog.All.FirstOrDefault(t => t.Group == group && t.Plural == resource)
            ?? throw new ArgumentException($"the sandbox does not serve {resource} in group '{group}'", nameof(resource));
        return Store.List(type.StorageKey, ns).Select(o => (JsonObject)JsonNode.Parse(o.Bytes)!).ToList();
    }

    /// <summary>The current (highest) resourceVersion.</summary>
    public long ResourceVersion => Store.CurrentResourceVersion;

    /// <summary>Saves the store to <paramref name="path"/> as JSON (also done on dispose when <see cref="SandboxOptions.StatePath"/> is set).</summary>
    public void SaveState(string path) => StateFile.Save(this, path);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Controllers.Dispose();
        await _stopping.CancelAsync();
        Store.CloseAllWatchers();
        if (_app is not null)
        {
            try
            {
                await _app.StopAsync(CancellationToken.None);
            }
            finally
            {
                await _app.DisposeAsync();
            }
        }

        if (_options.StatePath is { } path)
        {
            StateFile.Save(this, path);
        }

        _stopping.Dispose();
        _certificate?.Dispose();
    }

    private sealed class PassiveLifetime : Microsoft.Extensions.Hosting.IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
