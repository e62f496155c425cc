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

    public ResourceQuantities Requests { get; init; } = new();

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

    public string Cpu { get; init; } = "";

    public string Memory { get; init; } = "";
}
