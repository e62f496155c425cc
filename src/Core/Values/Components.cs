namespace RunnerConsole.Core.Values;

/// <summary><c>operator.*</c>: kubiya-operator (always installed).</summary>
public sealed record OperatorValues : PodValues
{
    public OperatorValues()
    {
        Image = new ImageValues("ghcr.io/kubiyabot/kubiya-operator");
        Resources = new(new("50m", "64Mi"), new("", "256Mi"));
    }

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

    public int Replicas { get; init; } = 3;

    public SdkServerValues SdkServer { get; init; } = new();

    public ClusterAccess ClusterAccess { get; init; } = ClusterAccess.None;

    /// <summary>Timeout of an ordinary tool run (<c>KUBIYA_TOOL_TIMEOUT</c>).</summary>
    public string ToolTimeout { get; init; } = "5m";

    /// <summary>Timeout of a long-running tool (<c>KUBIYA_LONG_RUNNING_TOOL_TIMEOUT</c>).</summary>
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

    public bool Enabled { get; init; } = true;

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

    /// <summary>Off by default: the catalog pins every tag and upgrades go through the console.</summary>
    public bool Enabled { get; init; }

    /// <summary>Cron schedule (5 fields).</summary>
    public string Schedule { get; init; } = "0 * * * *";

    /// <summary>https URL of the versions JSON (keys <c>tool-manager</c>, <c>agent-manager</c>, <c>sdk-py</c>); required when enabled.</summary>
    public string VersionsUrl { get; init; } = "";
}
