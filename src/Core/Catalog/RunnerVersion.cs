namespace RunnerConsole.Core.Catalog;

/// <summary>One released runner version: its pinned images, app version and supported Kubernetes versions.</summary>
public sealed record RunnerVersion(
    string Version,
    string AppVersion,
    KubernetesRange Kubernetes,
    RunnerImages Images,
    string Notes);
