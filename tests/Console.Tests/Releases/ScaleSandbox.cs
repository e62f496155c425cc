using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RunnerConsole.Console.Tests.Operate;
using RunnerConsole.Core.Cluster;
using RunnerConsole.Core.Releases;
using RunnerConsole.Model.Operate;
using RunnerConsole.Model.Releases;
using RunnerConsole.Sandbox;

namespace RunnerConsole.Console.Tests.Releases;

/// <summary>
/// A sandbox of its own (so its request log shows exactly what the list asked for) holding <see cref="Count"/> releases
/// in one namespace. Each release's manifest is one ConfigMap of the release's name, so reading a release's objects —
/// the expensive part of a health check — shows in the log as a GET of that ConfigMap.
/// </summary>
public sealed class ScaleSandbox : IAsyncLifetime
{
    public const int Count = 200;
    public const string Namespace = "scale";

    /// <summary>The context named in this sandbox's kubeconfig (it takes the place of the built-in one).</summary>
    public const string Context = SandboxServer.ContextName;

    private readonly string _dir = Directory.CreateTempSubdirectory("releases-scale-").FullName;
    private SandboxServer? _server;
    private ServiceProvider? _services;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("not initialised");

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not initialised");

    public static string Name(int index) => $"scale-{index:000}";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _server = await SandboxServer.StartAsync(new SandboxOptions(), ct);
        var kubeconfig = _server.WriteKubeconfig(Path.Combine(_dir, "kubeconfig"));
        var services = new ServiceCollection();
        OperateSandbox.AddOperate(services, kubeconfig);
        _services = services.BuildServiceProvider();

        var engine = await Get<ClusterSessions>().GetAsync(Context, ct);
        await engine.Cluster.ApplyAsync(Object("Namespace", Namespace, withNamespace: false), new ApplyOptions(), ct);
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
        {
            var name = Name(i);
            await engine.Cluster.ApplyAsync(Object("ConfigMap", name, withNamespace: true), new ApplyOptions(), token);
            await engine.Store.CreateAsync(Record(name, 1, ReleaseStatus.Deployed), "install by seed", token);
        });

        // The first release has a history: the list must show its newest revision.
        await engine.Store.UpdateAsync(Record(Name(0), 1, ReleaseStatus.Superseded), "install by seed", ct);
        await engine.Store.CreateAsync(Record(Name(0), 2, ReleaseStatus.Deployed), "upgrade by seed", ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A fresh list model on this sandbox's context.</summary>
    public ReleasesModel Model()
    {
        var model = Get<ReleasesModel>();
        model.Initialize(Context);
        return model;
    }

    /// <summary>Releases whose objects were read (health checked) since the log was last cleared.</summary>
    public IReadOnlySet<string> ReleasesRead() =>
        Server.Log.Entries.Where(e => e.Resource == "configmaps" && e.Verb == "get" && e.Namespace == Namespace && e.Name is not null).Select(e => e.Name!).ToHashSet();

    /// <summary>Every request for release Secrets since the log was last cleared.</summary>
    public IReadOnlyList<string> SecretRequests() =>
        [.. Server.Log.Entries.Where(e => e.Resource == "secrets").Select(e => $"{e.Verb} {e.Namespace ?? "(all namespaces)"} {Uri.UnescapeDataString(e.Query)}")];

    private static ReleaseRecord Record(string name, int version, ReleaseStatus status) => new()
    {
        Name = name,
        Namespace = Namespace,
        Version = version,
        Info = new ReleaseInfo { Status = status, Description = "seeded" },
        Chart = new ChartRecord { Metadata = ReleaseRequests.ChartMetadataFor(Core.Catalog.RunnerCatalog.Default.Latest) },
        Manifest = $"---\n# Source: scale/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: {Namespace}\ndata:\n  seeded: \"true\"\n",
    };

    private static JsonObject Object(string kind, string name, bool withNamespace)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (withNamespace)
        {
            metadata["namespace"] = Namespace;
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = kind, ["metadata"] = metadata };
    }
}
