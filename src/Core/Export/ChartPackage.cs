namespace RunnerConsole.Core.Export;

/// <summary>A Helm chart as files (paths relative to the chart folder), ready to be written out or packaged.</summary>
public sealed record ChartPackage(string Name, string Version, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>Helm's package file name: <c>&lt;name&gt;-&lt;version&gt;.tgz</c>.</summary>
    public string FileName => $"{Name}-{Version}.tgz";
}

/// <summary>Why a chart could not be exported; each problem names the object or key.</summary>
public sealed record ChartExportResult(ChartPackage? Chart, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Chart is not null;
}
