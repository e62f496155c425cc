using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RunnerConsole.Sandbox.Api;

/// <summary>Parses request bodies: JSON, or YAML (apply patches are YAML by media type, JSON in practice).</summary>
internal static class BodyReader
{
    public static JsonNode? Parse(byte[] body, bool allowYaml)
    {
        var span = body.AsSpan();
        var i = 0;
        while (i < span.Length && char.IsWhiteSpace((char)span[i]))
        {
            i++;
        }

        if (i < span.Length && (span[i] == (byte)'{' || span[i] == (byte)'['))
        {
            try
            {
                return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
            }
            catch (JsonException ex) when (!allowYaml)
            {
                throw ApiException.BadRequest($"the body of the request could not be decoded: {ex.Message}");
            }
            catch (JsonException)
            {
                // fall back to YAML below
            }
        }

        if (!allowYaml)
        {
            throw ApiException.BadRequest("the body of the request could not be decoded: expected a JSON object");
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(Encoding.UTF8.GetString(body)));
            return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
        }
        catch (YamlException ex)
        {
            throw ApiException.BadRequest($"error converting YAML to JSON: yaml: line {ex.Start.Line}: {ex.Message}");
        }
    }

    private static JsonNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                {
                    var o = new JsonObject();
                    foreach (var (k, v) in map.Children)
                    {
                        o[((YamlScalarNode)k).Value ?? ""] = Convert(v);
                    }

                    return o;
                }

            case YamlSequenceNode seq:
                {
                    var a = new JsonArray();
                    foreach (var v in seq.Children)
                    {
                        a.Add(Convert(v));
                    }

                    return a;
                }

            case YamlScalarNode s:
                {
                    var text = s.Value ?? "";
                    if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
                    {
                        return JsonValue.Create(text);
                    }

                    switch (text)
                    {
                        case "" or "~" or "null" or "Null" or "NULL":
                            return null;
                        case "true" or "True" or "TRUE":
                            return JsonValue.Create(true);
                        case "false" or "False" or "FALSE":
                            return JsonValue.Create(false);
                    }

                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    {
                        return JsonValue.Create(l);
                    }

                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit))
                    {
                        return JsonValue.Create(d);
                    }

                    return JsonValue.Create(text);
                }

            default:
                return null;
        }
    }
}
