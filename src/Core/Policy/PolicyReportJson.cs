using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RunnerConsole.Core.Policy;

/// <summary>
/// The stable machine format of a policy report (<c>runner-console lint -o json</c>), schema
/// <see cref="Schema"/>. Property names and order are fixed; new properties may be added, existing ones keep their meaning.
/// <code>
/// {
///   "schema": "runner-console.kubiya.ai/policy-report/v1",
///   "source": "runner.yaml",
///   "summary": { "checked": true (false when the input was invalid and nothing was checked), "objects": 14,
///                "errors": 3, "warnings": 5, "acceptedExceptions": 2, "hasErrors": true },
///   "findings": [ { "ruleId": "PS001", "severity": "error" | "warning" | "accepted-exception",
///                   "object": { "apiVersion", "kind", "name", "namespace" (null if cluster-scoped), "source" },
///                   "fieldPath", "message", "fix", "exceptionReason" (null unless accepted-exception),
///                   "location": { "document": 3, "line": 41 } (null when not read from a file) } ],
///   "problems": [ { "document": 3, "line": 41, "message": "…", "unknownKind": false } ]
/// }
/// </code>
/// </summary>
public static class PolicyReportJson
{
    public const string Schema = "runner-console.kubiya.ai/policy-report/v1";

    /// <summary>Writes the report (and any input problems) as indented UTF-8 JSON (quotes and non-ASCII text are not \u-escaped).</summary>
    /// <param name="report">The report; null when the input was invalid and nothing was checked.</param>
    /// <param name="source">The file that was checked.</param>
    /// <param name="problems">Problems found while reading the input.</param>
    /// <param name="locate">Where each object is in the input (e.g. <see cref="ManifestReadResult.LocationOf(PolicyObjectRef)"/>).</param>
    public static string Write(
        PolicyReport? report,
        string source,
        IReadOnlyList<ManifestProblem>? problems = null,
        Func<PolicyObjectRef, ManifestLocation?>? locate = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("source", source);
            w.WriteStartObject("summary");
            w.WriteBoolean("checked", report is not null);
            w.WriteNumber("objects", report?.ObjectCount ?? 0);
            w.WriteNumber("errors", report?.Errors ?? 0);
            w.WriteNumber("warnings", report?.Warnings ?? 0);
            w.WriteNumber("acceptedExceptions", report?.AcceptedExceptions ?? 0);
            w.WriteBoolean("hasErrors", report?.HasErrors ?? false);
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in report?.Findings ?? [])
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("severity", f.Severity.ToWireName());
                w.WriteStartObject("object");
                w.WriteString("apiVersion", f.Object.ApiVersion);
                w.WriteString("kind", f.Object.Kind);
                w.WriteString("name", f.Object.Name);
                w.WriteString("namespace", f.Object.Namespace);
                w.WriteString("source", f.Object.Source);
                w.WriteEndObject();
                w.WriteString("fieldPath", f.FieldPath);
                w.WriteString("message", f.Message);
                w.WriteString("fix", f.Fix);
                w.WriteString("exceptionReason", f.ExceptionReason);
                if (locate?.Invoke(f.Object) is { } location)
                {
                    w.WriteStartObject("location");
                    w.WriteNumber("document", location.Document);
                    w.WriteNumber("line", location.Line);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("location");
                }
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("problems");
            foreach (var p in problems ?? [])
            {
                w.WriteStartObject();
                w.WriteNumber("document", p.Document);
                w.WriteNumber("line", p.Line);
                w.WriteString("message", p.Message);
                w.WriteBoolean("unknownKind", p.IsUnknownKind);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
