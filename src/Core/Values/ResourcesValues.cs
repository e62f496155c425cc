using System.ComponentModel;

namespace RunnerConsole.Core.Values;

/// <summary><c>&lt;component&gt;.resources</c>: requests and limits of one container.</summary>
public sealed record ResourcesValues
{
    public ResourcesValues()
    {
    }

    public ResourcesValues(ResourceQuantities requests, ResourceQuantities limits)
    {
        Requests = requests;
        Limits = limits;
    }

    [Description("Resources reserved for the container.")]
    public ResourceQuantities Requests { get; init; } = new();

    [Description("Upper bound of the container; an empty CPU limit means no CPU throttling.")]
    public ResourceQuantities Limits { get; init; } = new();
}

/// <summary>CPU and memory as Kubernetes quantities (<c>100m</c>, <c>256Mi</c>); empty means not set.</summary>
public sealed record ResourceQuantities
{
    public ResourceQuantities()
    {
    }

    public ResourceQuantities(string cpu, string memory)
    {
        Cpu = cpu;
        Memory = memory;
    }

    [Description("CPU quantity, e.g. `100m` or `1`; empty means not set.")]
    public string Cpu { get; init; } = "";

    [Description("Memory quantity, e.g. `256Mi`; empty means not set.")]
    public string Memory { get; init; } = "";
}
