using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary><c>operator.*</c>: kubiya-operator (always installed).</summary>
public sealed record OperatorValues : PodValues
{
    public OperatorValues()
    {
        Image = new ImageValues("ghcr.io/kubiyabot/kubiya-operator");
        Resources = new(new("50m", "64Mi"), new("", "256Mi"));
    }

    [Description("Number of pods.")]
    public int Replicas { get; init; } = 1;
}

/// <summary><c>agentManager.*</c>: agent-manager (always installed).</summary>
public sealed record AgentManagerValues : PodValues
{
    public AgentManagerValues()
    {
        Image = new ImageValues("ghcr.io/kubiyabot/agent-manager");
        Resources = new(new("100m", "128Mi"), new("", "512Mi"));
    }

    [Description("Number of pods.")]
    public int Replicas { get; init; } = 2;
}

/// <summary>
/// <c>toolManager.clusterAccess</c>: the only switch that renders anything cluster-scoped.
/// </summary>
public enum ClusterAccess
{
    /// <summary>Namespace Role only (default).</summary>
    None,

    /// <summary>Adds a ClusterRole to read and manage persistent volumes.</summary>
    PersistentVolumes,

    /// <summary>Binds cluster-admin: explicit opt-in only.</summary>
    Admin,
}

/// <summary><c>toolManager.*</c>: tool-manager with its sdk-server sidecar (always installed).</summary>
public sealed record ToolManagerValues : PodValues
{
    public ToolManagerValues()
    {
        Image = new ImageValues("ghcr.io/kubiyabot/tool-manager");
        Resources = new(new("200m", "256Mi"), new("", "1Gi"));
    }

    [Description("Number of pods.")]
    public int Replicas { get; init; } = 3;

    [Description("The sdk-py sidecar (gRPC 50051, HTTP 8000 on 127.0.0.1).")]
    public SdkServerValues SdkServer { get; init; } = new();

    [Description("Cluster-scoped access of tool-manager: `none` (default), `persistentVolumes` or `admin`. The only switch that renders anything cluster-scoped.")]
    public ClusterAccess ClusterAccess { get; init; } = ClusterAccess.None;

    [Description("Timeout of an ordinary tool run (`KUBIYA_TOOL_TIMEOUT`).")]
    public string ToolTimeout { get; init; } = "5m";

    [Description("Timeout of a long-running tool (`KUBIYA_LONG_RUNNING_TOOL_TIMEOUT`).")]
    public string LongRunningToolTimeout { get; init; } = "168h";
}

/// <summary><c>toolManager.sdkServer.*</c>: the sdk-py sidecar of tool-manager.</summary>
public sealed record SdkServerValues : ContainerValues
{
    public SdkServerValues()
    {
        Image = new ImageValues("ghcr.io/kubiyabot/sdk-py");
        Resources = new(new("100m", "256Mi"), new("", "1Gi"));
    }
}

/// <summary><c>dagger.*</c>: the privileged dagger engine tool-manager runs tools on.</summary>
public sealed record DaggerValues : PodValues
{
    public DaggerValues()
    {
        Image = new ImageValues("ghcr.io/kubiyabot/kubiya-registry");
        Resources = new(new("500m", "1Gi"), new("", "4Gi"));
    }

    [Description("Install this component.")]
    public bool Enabled { get; init; } = true;

    [Description("Number of pods.")]
    public int Replicas { get; init; } = 1;
}

/// <summary><c>imageUpdater.*</c>: the CronJob that moves deployments to the tags a versions document names.</summary>
public sealed record ImageUpdaterValues : PodValues
{
    public ImageUpdaterValues()
    {
        Image = new ImageValues("registry.k8s.io/kubectl");
        Resources = new(new("10m", "32Mi"), new("", "128Mi"));
    }

    [Description("Off by default: the catalog pins every tag and upgrades go through the console.")]
    public bool Enabled { get; init; }

    [Description("Cron schedule (5 fields).")]
    public string Schedule { get; init; } = "0 * * * *";

    [Description("https URL of the versions JSON (keys `tool-manager`, `agent-manager`, `sdk-py`); required when enabled.")]
    public string VersionsUrl { get; init; } = "";
}
