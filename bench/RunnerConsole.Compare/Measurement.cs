namespace RunnerConsole.Compare;

/// <summary>One timed run of one tool: wall time, and the requests and new connections the sandbox saw meanwhile.</summary>
internal sealed record Measurement(TimeSpan Elapsed, int Requests, int Writes, int Connections);

/// <summary>All runs of one tool on one task.</summary>
internal sealed class Series(string tool)
{
    private readonly List<Measurement> _runs = [];

    public string Tool { get; } = tool;

    public void Add(Measurement measurement) => _runs.Add(measurement);

    public double MedianMs => Median(_runs.Select(r => r.Elapsed.TotalMilliseconds));

    public int MedianRequests => (int)Median(_runs.Select(r => (double)r.Requests));

    public int MedianWrites => (int)Median(_runs.Select(r => (double)r.Writes));

    public int MedianConnections => (int)Median(_runs.Select(r => (double)r.Connections));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

/// <summary>A row of the result table: ours against one peer on one task.</summary>
internal sealed record Row(string Task, Series Ours, Series Peer, string? Note = null)
{
    public double Ratio => Ours.MedianMs / Peer.MedianMs;
}
