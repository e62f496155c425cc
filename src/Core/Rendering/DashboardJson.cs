using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RunnerConsole.Core.Rendering;

/// <summary>One Grafana panel: a title, its PromQL queries (each with a legend) and the visualisation.</summary>
internal sealed record DashboardPanel(string Title, string Type, IReadOnlyList<(string Expr, string Legend)> Queries, string Unit = "short");

/// <summary>
/// Writes Grafana dashboard JSON (schema 39) with datasource, organization and runner variables, laying panels out
/// two per row. Hand-written by us; every query filters on the runner's identity labels.
/// </summary>
internal static class DashboardJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // PromQL is full of quotes and braces; keep it readable in the ConfigMap.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The label filter every query starts with.</summary>
    public const string RunnerFilter = "organization=\"$organization\",runner=\"$runner\"";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static string Write(string uid, string title, string description, IReadOnlyList<DashboardPanel> panels)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("uid", uid);
            w.WriteString("title", title);
            w.WriteString("description", description);
            w.WriteStartArray("tags");
            w.WriteStringValue("kubiya-runner");
            w.WriteEndArray();
            w.WriteString("timezone", "browser");
            w.WriteNumber("schemaVersion", 39);
            w.WriteNumber("version", 1);
            w.WriteBoolean("editable", false);
            w.WriteString("refresh", "1m");
            w.WriteStartObject("time");
            w.WriteString("from", "now-6h");
            w.WriteString("to", "now");
            w.WriteEndObject();
            w.WriteStartObject("templating");
            w.WriteStartArray("list");
            w.WriteStartObject();
            w.WriteString("name", "datasource");
            w.WriteString("label", "Data source");
            w.WriteString("type", "datasource");
            w.WriteString("query", "prometheus");
            w.WriteEndObject();
            Variable(w, "organization", "label_values(up, organization)");
            Variable(w, "runner", "label_values(up{organization=\"$organization\"}, runner)");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("panels");
            for (var i = 0; i < panels.Count; i++)
            {
                Panel(w, i, panels[i]);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void Panel(Utf8JsonWriter w, int index, DashboardPanel panel)
    {
        w.WriteStartObject();
        w.WriteNumber("id", index + 1);
        w.WriteString("type", panel.Type);
        w.WriteString("title", panel.Title);
        Datasource(w);
        w.WriteStartObject("gridPos");
        w.WriteNumber("h", 8);
        w.WriteNumber("w", 12);
        w.WriteNumber("x", index % 2 * 12);
        w.WriteNumber("y", index / 2 * 8);
        w.WriteEndObject();
        w.WriteStartObject("fieldConfig");
        w.WriteStartObject("defaults");
        w.WriteString("unit", panel.Unit);
        w.WriteEndObject();
        w.WriteStartArray("overrides");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("targets");
        for (var q = 0; q < panel.Queries.Count; q++)
        {
            w.WriteStartObject();
            w.WriteString("refId", ((char)('A' + q)).ToString());
            Datasource(w);
            w.WriteString("expr", panel.Queries[q].Expr);
            w.WriteString("legendFormat", panel.Queries[q].Legend);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Datasource(Utf8JsonWriter w)
    {
        w.WriteStartObject("datasource");
        w.WriteString("type", "prometheus");
        w.WriteString("uid", "${datasource}");
        w.WriteEndObject();
    }

    private static void Variable(Utf8JsonWriter w, string name, string query)
    {
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("label", name);
        w.WriteString("type", "query");
        Datasource(w);
        w.WriteString("query", query);
        w.WriteNumber("refresh", 2);
        w.WriteEndObject();
    }
}
