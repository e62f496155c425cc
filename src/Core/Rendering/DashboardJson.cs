using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunnerConsole.Core.Rendering;

/// <summary>One Grafana panel: a title, its PromQL queries (each with a legend) and the visualisation.</summary>
internal sealed record DashboardPanel(string Title, string Type, IReadOnlyList<(string Expr, string Legend)> Queries, string Unit = "short");

/// <summary>
/// Writes Grafana dashboard JSON (schema 39) with datasource, organization and runner variables, laying panels out
/// two per row. Hand-written by us; every query filters on the runner's identity labels.
/// </summary>
internal static class DashboardJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // PromQL is full of quotes and braces; keep it readable in the ConfigMap.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The label filter every query starts with.</summary>
    public const string RunnerFilter = "organization=\"$organization\",runner=\"$runner\"";

    public static string Write(string uid, string title, string description, IReadOnlyList<DashboardPanel> panels)
    {
        var panelArray = new JsonArray();
        for (var i = 0; i < panels.Count; i++)
        {
            var panel = panels[i];
            var targets = new JsonArray();
            for (var q = 0; q < panel.Queries.Count; q++)
            {
                targets.Add(new JsonObject
                {
                    ["refId"] = ((char)('A' + q)).ToString(),
                    ["datasource"] = Datasource(),
                    ["expr"] = panel.Queries[q].Expr,
                    ["legendFormat"] = panel.Queries[q].Legend,
                });
            }

            panelArray.Add(new JsonObject
            {
                ["id"] = i + 1,
                ["type"] = panel.Type,
                ["title"] = panel.Title,
                ["datasource"] = Datasource(),
                ["gridPos"] = new JsonObject { ["h"] = 8, ["w"] = 12, ["x"] = i % 2 * 12, ["y"] = i / 2 * 8 },
                ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = panel.Unit }, ["overrides"] = new JsonArray() },
                ["targets"] = targets,
            });
        }

        var dashboard = new JsonObject
        {
            ["uid"] = uid,
            ["title"] = title,
            ["description"] = description,
            ["tags"] = new JsonArray("kubiya-runner"),
            ["timezone"] = "browser",
            ["schemaVersion"] = 39,
            ["version"] = 1,
            ["editable"] = false,
            ["refresh"] = "1m",
            ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
            ["templating"] = new JsonObject
            {
                ["list"] = new JsonArray
                {
                    new JsonObject { ["name"] = "datasource", ["label"] = "Data source", ["type"] = "datasource", ["query"] = "prometheus" },
                    Variable("organization", "label_values(up, organization)"),
                    Variable("runner", "label_values(up{organization=\"$organization\"}, runner)"),
                },
            },
            ["panels"] = panelArray,
        };
        return dashboard.ToJsonString(Options) + "\n";
    }

    private static JsonObject Datasource() => new() { ["type"] = "prometheus", ["uid"] = "${datasource}" };

    private static JsonObject Variable(string name, string query) => new()
    {
        ["name"] = name,
        ["label"] = name,
        ["type"] = "query",
        ["datasource"] = Datasource(),
        ["query"] = query,
        ["refresh"] = 2,
    };
}
