namespace RunnerConsole.Core.Rendering;

/// <summary>blackbox-exporter modules: HTTP 2xx for services with a health path, TCP connect for the others, gRPC health.</summary>
internal static class BlackboxConfig
{
    /// <summary>The config text; the same for every render, so built once.</summary>
    public static string Render() => Text;

    private static readonly string Text = ConfigYaml.Serialize(new YamlMap
    {
        ["modules"] = new YamlMap
        {
            [ScrapePlan.HttpModule] = new YamlMap
            {
                ["prober"] = "http",
                ["timeout"] = "5s",
                ["http"] = new YamlMap
                {
                    ["method"] = "GET",
                    ["preferred_ip_protocol"] = "ip4",
                    ["follow_redirects"] = false,
                },
            },
            [ScrapePlan.TcpModule] = new YamlMap
            {
                ["prober"] = "tcp",
                ["timeout"] = "5s",
                ["tcp"] = new YamlMap { ["preferred_ip_protocol"] = "ip4" },
            },
            [ScrapePlan.GrpcModule] = new YamlMap
            {
                ["prober"] = "grpc",
                ["timeout"] = "5s",
                ["grpc"] = new YamlMap { ["tls"] = false, ["preferred_ip_protocol"] = "ip4" },
            },
        },
    });
}
