using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace RunnerConsole.Core.Yaml;

/// <summary>
/// Kubernetes objects as block YAML, the way kubectl and helm print them: the object goes through the client's own
/// JSON form (<see cref="KubernetesJson"/>: same keys, same order, same IntOrString/Quantity/date/base64 encoding,
/// nulls left out) and that JSON is streamed straight into YAML. Every string is written so that YamlDotNet and
/// go-yaml read back the same string. Microseconds per object, where the YamlDotNet serializer takes milliseconds.
/// </summary>
public static class KubeYaml
{
    private static readonly JsonSerializerOptions JsonOptions = ClientJsonOptions();

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _json;

    [ThreadStatic]
    private static Utf8Buffer? _yaml;

    /// <summary>The object as one YAML document (no <c>---</c>), ending with a newline.</summary>
    public static string Serialize(object kubernetesObject)
    {
        var yaml = _yaml ??= new Utf8Buffer(16 * 1024);
        yaml.Clear();
        AppendDocument(yaml, kubernetesObject);
        return yaml.ToString();
    }

    /// <summary>
    /// The object as one YAML document without its final newline, unless that newline belongs to the document's last
    /// value (a <c>|</c> block): the form <see cref="Rendering.Manifest.ToYaml"/> returns.
    /// </summary>
    public static string SerializeTrimmed(object kubernetesObject)
    {
        var yaml = _yaml ??= new Utf8Buffer(16 * 1024);
        yaml.Clear();
        if (!AppendDocument(yaml, kubernetesObject))
        {
            yaml.Truncate(yaml.Length - 1);
        }

        return yaml.ToString();
    }

    /// <summary>All objects as one multi-document stream: each document preceded by <c>---</c> and, when given, a comment line.</summary>
    public static string SerializeStream(IEnumerable<(string? Comment, object Object)> documents, bool separatorBeforeFirst)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var yaml = _yaml ??= new Utf8Buffer(16 * 1024);
        yaml.Clear();
        var first = true;
        foreach (var (comment, obj) in documents)
        {
            if (!first || separatorBeforeFirst)
            {
                yaml.Append("---\n"u8);
            }

            first = false;
            if (comment is not null)
            {
                yaml.Append("# "u8);
                yaml.Append(comment);
                yaml.Append((byte)'\n');
            }

            AppendDocument(yaml, obj);
        }

        return yaml.ToString();
    }

    /// <summary>
    /// Appends the object as one YAML document (no <c>---</c>), ending with a newline; true when that newline is part
    /// of the last value (a <c>|</c> block ends the document).
    /// </summary>
    internal static bool AppendDocument(Utf8Buffer yaml, object kubernetesObject)
    {
        ArgumentNullException.ThrowIfNull(kubernetesObject);
        var json = _json ??= new ArrayBufferWriter<byte>(16 * 1024);
        json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(json, WriterOptions))
        {
            JsonSerializer.Serialize(writer, kubernetesObject, kubernetesObject.GetType(), JsonOptions);
        }

        return YamlEmitter.Emit(json.WrittenSpan, yaml);
    }

    /// <summary>
    /// The object's JSON as <see cref="KubernetesJson"/> writes it (same converters and values; apiVersion, kind and
    /// metadata first), from the compiled metadata for the rendered kinds: a cold process needs no reflection for it.
    /// </summary>
    public static string Json(object kubernetesObject)
    {
        ArgumentNullException.ThrowIfNull(kubernetesObject);
        return JsonSerializer.Serialize(kubernetesObject, kubernetesObject.GetType(), JsonOptions);
    }

    /// <summary>
    /// Builds the JSON metadata of every kind the renderer emits (and of everything they contain) now, instead of on
    /// first use. A fresh process (a CLI verb) calls it on a spare core while it connects, so the first YAML and JSON
    /// of the render do not wait for it. Calling it again costs nothing.
    /// </summary>
    public static void Prepare()
    {
        foreach (var type in RenderedKinds)
        {
            _ = JsonOptions.GetTypeInfo(type);
        }
    }

    // The kinds KubeJsonContext compiles metadata for (its [JsonSerializable] list), with the metadata every object has.
    internal static IEnumerable<Type> RenderedKinds =>
        typeof(KubeJsonContext).CustomAttributes
            .Where(a => a.AttributeType == typeof(System.Text.Json.Serialization.JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!)
            .Append(typeof(k8s.Models.V1ObjectMeta));

    /// <summary>Reads JSON written by <see cref="Json"/> (or any Kubernetes JSON) into <typeparamref name="T"/>.</summary>
    public static T FromJsonText<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, JsonOptions) ?? throw new JsonException($"no {typeof(T).Name} in the JSON");

    /// <summary>A JSON document (UTF-8) as one YAML document, ending with a newline; object keys keep their order, null members are left out.</summary>
    public static string FromJson(ReadOnlySpan<byte> utf8Json)
    {
        var yaml = new Utf8Buffer(utf8Json.Length + 64);
        YamlEmitter.Emit(utf8Json, yaml);
        return yaml.ToString();
    }

    // The options KubernetesJson.Serialize itself uses (its converters for IntOrString, Quantity, dates…), with
    // apiVersion, kind and metadata first in every object, as kubectl and the client's YAML print them (the models
    // declare their properties in alphabetical order).
    private static JsonSerializerOptions ClientJsonOptions()
    {
        JsonSerializerOptions? client = null;
        KubernetesJson.AddJsonOptions(o => client = o);
        if (client is null)
        {
            throw new InvalidOperationException("KubernetesJson did not expose its serializer options");
        }

        return new JsonSerializerOptions(client)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(KubeJsonContext.Default, client.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(HeadPropertiesFirst),
        };
    }

    private static void HeadPropertiesFirst(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            property.Order = property.Name switch
            {
                "apiVersion" => -3,
                "kind" => -2,
                "metadata" => -1,
                _ => property.Order,
            };
        }
    }
}

/// <summary>Streams JSON tokens into block YAML: maps and lists indented as kubectl does, empty ones as <c>{}</c>/<c>[]</c>.</summary>
internal ref struct YamlEmitter
{
    private readonly Utf8Buffer _out;
    private Utf8JsonReader _reader;
    private byte[]? _scratch;

    // Where the last keep-chomped (|+) block ended; if the document ends there, its trailing lines would be lost to
    // whoever trims the document's final newline, so it is rewritten in double quotes.
    private int _keepBlockStart;
    private int _keepBlockEnd;
    private int _keepBlockIndent;

    // Where the last literal block ended.
    private int _blockEnd;

    private YamlEmitter(ReadOnlySpan<byte> json, Utf8Buffer output)
    {
        _out = output;
        _reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        _keepBlockEnd = -1;
        _blockEnd = -1;
    }

    /// <summary>How the first entry of a collection is placed.</summary>
    private enum First
    {
        /// <summary>At the start of a line (the document's root).</summary>
        Line,

        /// <summary>On the next line, after <c>key:</c>.</summary>
        NextLine,

        /// <summary>On the same line, after <c>- </c>.</summary>
        SameLine,
    }

    /// <summary>Appends the YAML of <paramref name="json"/>; true when it ends with a literal block (its final newline is content).</summary>
    public static bool Emit(ReadOnlySpan<byte> json, Utf8Buffer output)
    {
        var emitter = new YamlEmitter(json, output);
        try
        {
            emitter.EmitDocument();
            return emitter._blockEnd == output.Length;
        }
        finally
        {
            if (emitter._scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(emitter._scratch);
            }
        }
    }

    private void EmitDocument()
    {
        if (!_reader.Read())
        {
            throw new JsonException("empty JSON document");
        }

        switch (_reader.TokenType)
        {
            case JsonTokenType.StartObject:
                WriteMap(0, First.Line);
                break;
            case JsonTokenType.StartArray:
                WriteSequence(0, First.Line);
                break;
            default:
                _out.Append("---"u8);
                WriteScalar(0);
                break;
        }

        if (_keepBlockEnd == _out.Length)
        {
            RewriteLastKeepBlockQuoted();
        }
    }

    // Reader on StartObject; entries at column `indent`.
    private void WriteMap(int indent, First first)
    {
        var count = 0;
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            var entryStart = _out.Length;
            BeginEntry(indent, first, count);
            WriteText(Text(), isKey: true, indent);
            _out.Append((byte)':');
            _reader.Read();
            if (_reader.TokenType == JsonTokenType.Null)
            {
                _out.Truncate(entryStart);
                continue;
            }

            count++;
            WriteValue(indent, inSequence: false);
        }

        if (count == 0)
        {
            _out.Append(first == First.NextLine ? " {}\n"u8 : "{}\n"u8);
        }
    }

    // Reader on StartArray; dashes at column `indent`.
    private void WriteSequence(int indent, First first)
    {
        var count = 0;
        while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
        {
            BeginEntry(indent, first, count++);
            _out.Append((byte)'-');
            WriteValue(indent, inSequence: true);
        }

        if (count == 0)
        {
            _out.Append(first == First.NextLine ? " []\n"u8 : "[]\n"u8);
        }
    }

    private readonly void BeginEntry(int indent, First first, int count)
    {
        if (count == 0 && first == First.SameLine)
        {
            return;
        }

        if (count == 0 && first == First.NextLine)
        {
            _out.Append((byte)'\n');
        }

        _out.AppendSpaces(indent);
    }

    // What follows "key:" or "-" (at column `indent`).
    private void WriteValue(int indent, bool inSequence)
    {
        switch (_reader.TokenType)
        {
            case JsonTokenType.StartObject when inSequence:
                _out.Append((byte)' ');
                WriteMap(indent + 2, First.SameLine);
                break;
            case JsonTokenType.StartObject:
                WriteMap(indent + 2, First.NextLine);
                break;
            case JsonTokenType.StartArray when inSequence:
                _out.Append((byte)' ');
                WriteSequence(indent + 2, First.SameLine);
                break;
            case JsonTokenType.StartArray:
                // kubectl style: a list under a key starts at the key's column.
                WriteSequence(indent, First.NextLine);
                break;
            default:
                WriteScalar(indent);
                break;
        }
    }

    private void WriteScalar(int indent)
    {
        _out.Append((byte)' ');
        switch (_reader.TokenType)
        {
            case JsonTokenType.String:
                WriteText(Text(), isKey: false, indent);
                break;
            case JsonTokenType.Number:
                _out.Append(_reader.ValueSpan);
                break;
            case JsonTokenType.True:
                _out.Append("true"u8);
                break;
            case JsonTokenType.False:
                _out.Append("false"u8);
                break;
            case JsonTokenType.Null:
                _out.Append("null"u8);
                break;
            default:
                throw new JsonException($"unexpected JSON token {_reader.TokenType}");
        }

        if (_out.Written[^1] != (byte)'\n')
        {
            _out.Append((byte)'\n');
        }
    }

    private void WriteText(ReadOnlySpan<byte> text, bool isKey, int indent)
    {
        switch (YamlScalars.StyleOf(text, isKey))
        {
            case ScalarStyle.Plain:
                _out.Append(text);
                break;
            case ScalarStyle.DoubleQuoted:
                YamlScalars.WriteDoubleQuoted(_out, text);
                break;
            default:
                var start = _out.Length;
                YamlScalars.WriteLiteralHeader(_out, text);
                var keep = _out.Written[^1] == (byte)'+';
                _out.Append((byte)'\n');
                YamlScalars.WriteLiteralBody(_out, text, indent + 2);
                _blockEnd = _out.Length;
                if (keep)
                {
                    _keepBlockStart = start;
                    _keepBlockEnd = _out.Length;
                    _keepBlockIndent = indent;
                }

                break;
        }
    }

    private readonly void RewriteLastKeepBlockQuoted()
    {
        // The block's text is its lines without the indentation (empty lines were written without any).
        var block = _out.Written[_keepBlockStart.._keepBlockEnd];
        var body = block[(block.IndexOf((byte)'\n') + 1)..];
        var text = new byte[body.Length];
        var length = 0;
        var indent = _keepBlockIndent + 2;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = body[..end];
            if (!line.IsEmpty)
            {
                line[indent..].CopyTo(text.AsSpan(length));
                length += line.Length - indent;
            }

            text[length++] = (byte)'\n';
            body = body[(end + 1)..];
        }

        _out.Truncate(_keepBlockStart);
        YamlScalars.WriteDoubleQuoted(_out, text.AsSpan(0, length));
        _out.Append((byte)'\n');
    }

    // The current string or property name, unescaped.
    private ReadOnlySpan<byte> Text()
    {
        if (!_reader.ValueIsEscaped)
        {
            return _reader.ValueSpan;
        }

        var needed = _reader.ValueSpan.Length;
        if (_scratch is null || _scratch.Length < needed)
        {
            if (_scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(_scratch);
            }

            _scratch = ArrayPool<byte>.Shared.Rent(needed);
        }

        var written = _reader.CopyString(_scratch);
        return _scratch.AsSpan(0, written);
    }
}
